//! The calendar of a program (`samling calendar`): its gatherings that have a date (prepared,
//! begun or held) with their start, end and place, and the agreements still to do that have a
//! due date, as one iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple Calendar
//! import. Written by the `icalendar` crate, not by hand.
//!
//! Each event's UID comes from the session or agreement it stands for, so importing the file
//! again updates the events rather than doubling them.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::i18n::Strings;
use crate::model::session::latest_word;
use crate::model::{Due, Program, Session, Status};

/// The calendar of `program` from its `sessions` (oldest first), stamped `now`.
pub fn calendar(
    program: &Program,
    sessions: &[Session],
    s: &Strings,
    now: DateTime<Utc>,
) -> String {
    let mut cal = Calendar::new();
    cal.name(&program.title);
    // The latest session of each gathering stands for it.
    let mut latest: Vec<&Session> = Vec::new();
    for session in sessions {
        latest.retain(|l| l.gathering != session.gathering);
        latest.push(session);
    }
    for session in latest {
        let start = NaiveDateTime::new(session.date, session.start);
        let minutes: i64 = session
            .agenda
            .iter()
            .enumerate()
            .filter(|(_, i)| !session.is_skipped(&i.id))
            .map(|(at, _)| i64::from(session.minutes_of(at)))
            .sum();
        let purpose = program
            .gathering(session.gathering)
            .map(|g| g.purpose.as_str())
            .unwrap_or_default();
        let heading = (s.gathering_heading)(session.gathering, &session.title);
        let mut event = Event::new();
        event
            .uid(&uid(&program.id, &session.id))
            .timestamp(now)
            .summary(&format!("{}: {heading}", program.title))
            .starts(start)
            .ends(start + Duration::minutes(minutes))
            .description(purpose);
        if !session.place.is_empty() {
            event.location(&session.place);
        }
        cal.push(event.done());
    }
    let open = latest_word(sessions)
        .into_iter()
        .filter(|a| !matches!(a.status(), Status::Done | Status::Dropped));
    for agreement in open {
        let Due::Date(due) = agreement.due else {
            continue;
        };
        let event = Event::new()
            .uid(&uid(&program.id, &agreement.id.0))
            .timestamp(now)
            .summary(&(s.calendar_due)(&agreement.text))
            .all_day(due)
            .description(&format!(
                "{} · {}",
                (s.who)(&agreement.who),
                (s.status)(agreement.status())
            ))
            .done();
        cal.push(event);
    }
    cal.done().to_string()
}

/// A stable UID for something of a program: the same every time the calendar is written.
fn uid(program: &str, id: &str) -> String {
    let id: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{program}-{id}@samling")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::sample::big_session;
    use crate::store::catalog;
    use icalendar::DatePerhapsTime;

    #[test]
    fn gatherings_and_due_agreements_parse_back_with_their_times_and_stable_ids() {
        let program = catalog::builtin().0.remove(0);
        let mut first = big_session(0, 3);
        first.place = "Biblioteket".into();
        first.agreements[0].due = Due::Date(chrono::NaiveDate::from_ymd_opt(2026, 12, 14).unwrap());
        first.agreements[1].due = Due::Date(chrono::NaiveDate::from_ymd_opt(2026, 12, 15).unwrap());
        let made = first.agreements[1].history[0].at;
        first.agreements[1]
            .history
            .push(crate::model::StatusChange {
                status: Status::Done,
                at: made,
                comment: String::new(),
            });
        let now = Utc::now();
        let text = calendar(
            &program,
            std::slice::from_ref(&first),
            Lang::Nb.strings(),
            now,
        );
        let parsed: Calendar = text.parse().expect("RFC 5545 that parses back");
        let events: Vec<&Event> = parsed.events().collect();
        assert_eq!(
            events.len(),
            2,
            "the gathering and the one open agreement with a date"
        );
        let gathering = events[0];
        assert_eq!(gathering.get_location(), Some("Biblioteket"));
        let start = NaiveDateTime::new(first.date, first.start);
        assert_eq!(
            gathering.get_start(),
            Some(DatePerhapsTime::DateTime(start.into()))
        );
        assert_eq!(
            gathering.get_end(),
            Some(DatePerhapsTime::DateTime(
                (start + Duration::minutes(180)).into()
            ))
        );
        assert_eq!(
            gathering.get_uid(),
            Some("traumebevisst-01-2026-11-23@samling")
        );
        let due = events[1];
        assert_eq!(
            due.get_start(),
            Some(DatePerhapsTime::Date(
                chrono::NaiveDate::from_ymd_opt(2026, 12, 14).unwrap()
            ))
        );
        assert!(due.get_summary().unwrap().contains("LINK-økt"), "{text}");
        // Written again: the same UIDs, so an import updates rather than doubles.
        let again = calendar(&program, &[first], Lang::Nb.strings(), now);
        assert_eq!(again, text);
    }
}
