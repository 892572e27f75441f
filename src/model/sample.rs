//! Made-up but realistic data in bulk, for benchmarks and tests: a long gathering's worth of
//! notes and agreements. Deterministic, so figures compare between runs.

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone};

use super::{
    AgendaItem, Agreement, AgreementId, Due, GroupLabel, ItemKind, ItemTiming, Note, NoteId,
    NoteKind, Origin, Prompt, SCHEMA_VERSION, Session, Status, StatusChange, TimerEvent, Timestamp,
    Who,
};

/// [`big_session`]'s twelve items of 15 minutes from 13:00, nothing started and the first item
/// in front: a day not yet begun, for tests of leading and of the schedule.
pub fn day_not_begun() -> Session {
    let mut s = big_session(0, 0);
    s.timing.clear();
    s.go_to(0);
    s
}

/// [`day_not_begun`] begun at 13:00 and on its third item since 13:30: the first two held,
/// nine to come.
pub fn day_on_its_third_item() -> Session {
    let mut s = day_not_begun();
    s.toggle_timer(minutes_in(0));
    s.next(minutes_in(15));
    s.next(minutes_in(30));
    s
}

/// `min` minutes from [`big_session`]'s planned start, 13:00 +01:00 on 23 November 2026.
pub fn minutes_in(min: i64) -> Timestamp {
    let offset = chrono::FixedOffset::east_opt(3600).expect("valid offset");
    let start = offset
        .with_ymd_and_hms(2026, 11, 23, 13, 0, 0)
        .single()
        .expect("unambiguous");
    Timestamp(start) + Duration::minutes(min)
}

/// A session of 12 items with `notes` notes and `agreements` agreements spread over them.
pub fn big_session(notes: usize, agreements: usize) -> Session {
    let start = minutes_in(0);
    let agenda: Vec<AgendaItem> = (0..12)
        .map(|i| AgendaItem {
            id: format!("punkt-{i}"),
            title: format!("Agendapunkt {i}"),
            kind: if i % 3 == 0 {
                ItemKind::GroupReflection
            } else {
                ItemKind::Talk
            },
            minutes: 15,
            prompts: (0..3)
                .map(|p| {
                    Prompt::new(
                        format!("p{}", p + 1),
                        format!("Hva legger vi merke til i klassen, spørsmål {p}?"),
                    )
                })
                .collect(),
            facilitator_note: "Husk å gi tid til stillhet før samtalen.".into(),
            steps: vec![],
            goals: vec![],
            min_minutes: None,
            locked: None,
        })
        .collect();
    let timing = agenda
        .iter()
        .enumerate()
        .map(|(i, item)| ItemTiming {
            item: item.id.clone(),
            events: vec![
                TimerEvent::Started(start + Duration::minutes(15 * i as i64)),
                TimerEvent::Ended(start + Duration::minutes(15 * i as i64 + 15)),
            ],
        })
        .collect();
    let notes: Vec<Note> = (0..notes)
        .map(|n| {
            let at = start + Duration::seconds(n as i64);
            Note {
                id: NoteId::new(super::session::FACILITATOR, n as u32 + 1),
                created: at,
                edited: at,
                item: agenda[n % agenda.len()].id.clone(),
                prompt: Some(format!("p{}", n % 3 + 1)),
                group: if n % 10 == 0 {
                    GroupLabel::Plenary
                } else {
                    GroupLabel::Group((n % 9) as u8 + 1)
                },
                kind: match n % 20 {
                    0 => NoteKind::Highlight,
                    1 => NoteKind::ParkingLot,
                    _ => NoteKind::Reflection,
                },
                text: format!(
                    "Gruppe {} snakket om trygghet i overgangene, og om hvordan vi møter elever \
                     som strever når dagen blir uforutsigbar. Notat nummer {n}: æ, ø og å.",
                    n % 9 + 1
                ),
                private: n % 50 == 0,
                by: None,
            }
        })
        .collect();
    let agreements = (0..agreements)
        .map(|c| Agreement {
            id: AgreementId::new("01-2026-11-23", c as u32 + 1),
            text: format!(
                "Gjennomføre en LINK-økt i klasse {} og dele erfaringer",
                c % 10 + 1
            ),
            who: Who::Group((c % 9) as u8 + 1),
            due: Due::NextGathering,
            origin: Origin {
                session: "01-2026-11-23".into(),
                gathering: 1,
                item: agenda[c % agenda.len()].id.clone(),
                item_title: agenda[c % agenda.len()].title.clone(),
                group: Some(GroupLabel::Group((c % 9) as u8 + 1)),
            },
            history: vec![StatusChange {
                status: Status::Open,
                at: start + Duration::minutes(170),
                comment: String::new(),
            }],
        })
        .collect();
    let mut session = Session {
        version: SCHEMA_VERSION,
        id: "01-2026-11-23".into(),
        program: "traumebevisst".into(),
        gathering: 1,
        title: "Hvem er vi, og hva vil vi".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date"),
        place: "Personalrommet".into(),
        facilitator: "Åse Nilsen".into(),
        start: NaiveTime::from_hms_opt(13, 0, 0).expect("valid time"),
        must_end: None,
        agenda,
        skipped: Vec::new(),
        inserted: Vec::new(),
        current: "punkt-11".into(),
        prompt: None,
        timing,
        notes: Default::default(),
        deleted: Vec::new(),
        agreements,
        previous: None,
        since_last: None,
        mirror: Vec::new(),
        draft: None,
        ended: None,
        room: Default::default(),
        marks: Vec::new(),
    };
    session.set_notes(notes);
    session
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_big_session_keeps_every_rule() {
        let s = super::big_session(1000, 50);
        assert_eq!(crate::model::validate::session(&s), vec![]);
    }
}
