//! The minutes ("referat") of a held gathering, as Markdown to paste into Teams or OneNote and
//! as one self-contained HTML file that prints on A4; and the participants' agenda of a
//! gathering ([`Handout`]) in the same two formats.
//!
//! [`Minutes::of`] gathers what goes in (and leaves out what is private); [`markdown`] and
//! [`html`] only lay it out, so the two formats always say the same.

mod calendar;
mod handout;
mod html;
mod markdown;

pub use calendar::calendar;
pub use handout::{Handout, HandoutItem};
pub use html::html;
pub use markdown::markdown;

use std::path::{Path, PathBuf};

use crate::i18n::Strings;
use crate::model::timer;
use crate::model::{AgendaItem, Agreement, Note, NoteKind, Origin, Session, Status, Timestamp};

/// The formats the minutes are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown, to paste into Teams, OneNote or an e-mail.
    Md,
    /// One self-contained HTML file that prints on A4.
    Html,
}

impl Format {
    /// The file name extension, which is also the name on the command line.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
        }
    }

    /// The minutes laid out in this format, in `s`'s language.
    pub fn write(self, minutes: &Minutes, s: &Strings) -> String {
        match self {
            Format::Md => markdown(minutes, s),
            Format::Html => html(minutes, s),
        }
    }
}

/// Where the minutes of the session in `file` go by default: `<file>.referat.<format>`, beside
/// it, so they are found with the session and never mistaken for one (the name ends otherwise
/// than `.ron`).
pub fn beside(file: &Path, format: Format) -> PathBuf {
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".referat.{}", format.extension()));
    file.with_file_name(name)
}

/// Everything the minutes say, in the order they say it.
#[derive(Debug, Clone, PartialEq)]
pub struct Minutes {
    pub program: String,
    pub gathering: u32,
    pub title: String,
    /// The gathering was ended (`n` on its last item); if not, the heading says so.
    pub ended: bool,
    pub date: chrono::NaiveDate,
    pub place: String,
    pub facilitator: String,
    pub agenda: Vec<AgendaRow>,
    /// Highlighted notes, first of all.
    pub highlights: Vec<NoteLine>,
    /// The group reflections by item: the highlights and parking-lot notes are in their own
    /// sections, so each note is quoted once.
    pub items: Vec<ItemSection>,
    pub parking: Vec<NoteLine>,
    /// Agreements made at this gathering.
    pub made: Vec<AgreementLine>,
    /// Agreements from earlier gatherings, as reviewed here.
    pub reviewed: Vec<AgreementLine>,
    /// How many of the agreements made here are open: what is to be done before the next
    /// gathering starts with them, listed under `made`, and is not listed twice.
    pub made_open: usize,
    /// What else is to be done before the next gathering: the agreements from earlier
    /// gatherings that are still open.
    pub between: Vec<AgreementLine>,
}

/// One agenda item with planned and actual times.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaRow {
    pub planned_start: String,
    pub actual_start: Option<String>,
    pub title: String,
    pub planned_minutes: u32,
    /// Minutes the item ran; `None` if it never started or was skipped.
    pub actual_minutes: Option<i64>,
    /// Skipped ("hoppet over"), or ended as soon as it started (moved on from within half a
    /// minute, so it ran 0 whole minutes): passed over, not held. It has no actual start or
    /// minutes then.
    pub skipped: bool,
    /// Not from the program's plan: an optional module or a new item inserted for this day.
    pub inserted: bool,
    /// The facilitator's private note, only with `include_private`.
    pub facilitator_note: Option<String>,
}

/// The notes of one item, by question, then by group.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemSection {
    pub title: String,
    pub questions: Vec<(Option<String>, Vec<NoteLine>)>,
}

/// One note as the minutes quote it.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteLine {
    pub group: crate::model::GroupLabel,
    pub text: String,
    /// The item it was written at, for highlights and the parking lot.
    pub item: String,
    pub private: bool,
    /// The note-taker who wrote it, when it was not the facilitator's samling.
    pub by: Option<String>,
}

impl NoteLine {
    /// "Gruppe 2", or "Gruppe 2 · Kari" for a note-taker's note.
    pub fn heading(&self, s: &Strings) -> String {
        match &self.by {
            Some(by) => format!("{} · {by}", (s.group)(self.group)),
            None => (s.group)(self.group),
        }
    }
}

/// One agreement as the minutes list it.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementLine {
    pub text: String,
    pub who: crate::model::Who,
    pub due: crate::model::Due,
    pub status: Status,
    pub comment: String,
    /// Where it was made (gathering, item, group): carried agreements keep their origin.
    pub origin: crate::model::Origin,
    /// The date of the gathering after the one it was made at, when known: what "before the
    /// next gathering" means.
    pub next_gathering: Option<chrono::NaiveDate>,
}

impl AgreementLine {
    /// When it is due, in words, with the next gathering's date where that is known.
    pub fn due_text(&self, s: &Strings) -> String {
        s.due_by(&self.due, self.next_gathering)
    }
}

impl AgreementLine {
    /// "fra 1. samling, Planlegging, gruppe 2": where the agreement was made.
    pub fn origin_text(&self, s: &Strings) -> String {
        (s.made_at)(
            self.origin.gathering,
            self.origin.item_name(),
            self.origin.group,
        )
    }
}

impl Minutes {
    /// The same minutes, knowing the date of the next gathering: the agreements made here and
    /// the open ones carried on are due then.
    pub fn with_next_gathering(mut self, date: Option<chrono::NaiveDate>) -> Minutes {
        for a in self.made.iter_mut().chain(&mut self.between) {
            a.next_gathering = date;
        }
        self
    }

    /// The sentence that opens "until the next gathering", if any: it points to the open
    /// agreements made here (listed above) or says that nothing is open.
    pub fn between_lead(&self, s: &Strings) -> Option<String> {
        if self.made_open > 0 {
            Some((s.minutes_between_made)(
                self.made_open,
                !self.between.is_empty(),
            ))
        } else if self.between.is_empty() {
            Some(s.no_open_agreements.to_string())
        } else {
            None
        }
    }

    /// The minutes of `session` of the program titled `program`. Private notes and the
    /// facilitator's notes are left out unless `include_private`.
    pub fn of(session: &Session, program: &str, include_private: bool) -> Minutes {
        let end = end_of(session);
        // The plan's clock times: items not in it have none, and take none of its time.
        let mut at = session.start;
        let planned: Vec<String> = session
            .agenda
            .iter()
            .map(|item| {
                if !session.in_plan(&item.id) {
                    return "–".to_string();
                }
                let start = at.format("%H:%M").to_string();
                at += chrono::Duration::minutes(i64::from(item.minutes));
                start
            })
            .collect();
        let item_title = |id: &str| {
            session
                .agenda
                .iter()
                .find(|i| i.id == id)
                .map_or(id.to_string(), |i| i.title.clone())
        };
        let shown = |n: &&Note| include_private || !n.private;
        let line = |n: &Note| NoteLine {
            group: n.group,
            text: n.text.clone(),
            item: item_title(&n.item),
            private: n.private,
            by: n.by.clone(),
        };
        let agenda = session
            .agenda
            .iter()
            .zip(planned)
            .map(|(item, planned)| AgendaRow {
                facilitator_note: (include_private && !item.facilitator_note.is_empty())
                    .then(|| item.facilitator_note.clone()),
                ..AgendaRow::of(session, item, planned, end)
            })
            .collect();
        let items = session
            .agenda
            .iter()
            .filter_map(|item| {
                let notes: Vec<&Note> = session
                    .note_list()
                    .filter(|n| n.item == item.id && n.kind == NoteKind::Reflection)
                    .filter(shown)
                    .collect();
                if notes.is_empty() {
                    return None;
                }
                let mut prompts: Vec<Option<&String>> =
                    notes.iter().map(|n| n.prompt.as_ref()).collect();
                // By question, in the order asked; notes to no question last.
                let order = |p: &Option<&String>| p.and_then(|p| item.prompt_index(p));
                prompts.sort_by_key(|p| (order(p).is_none(), order(p)));
                prompts.dedup();
                let questions = prompts
                    .into_iter()
                    .map(|p| {
                        let question = p.and_then(|p| item.prompt(p)).map(|q| q.text.clone());
                        let mut lines: Vec<&Note> = notes
                            .iter()
                            .copied()
                            .filter(|n| n.prompt.as_ref() == p)
                            .collect();
                        lines.sort_by_key(|n| n.group);
                        (question, lines.into_iter().map(line).collect())
                    })
                    .collect();
                Some(ItemSection {
                    title: item.title.clone(),
                    questions,
                })
            })
            .collect();
        let of_kind = |kind: NoteKind| {
            session
                .note_list()
                .filter(|n| n.kind == kind)
                .filter(shown)
                .map(line)
                .collect()
        };
        let agreement = |c: &Agreement| {
            let last = c.history.last();
            AgreementLine {
                text: c.text.clone(),
                who: c.who.clone(),
                due: c.due.clone(),
                status: c.status(),
                comment: last.map(|h| h.comment.clone()).unwrap_or_default(),
                origin: Origin {
                    group: c.origin_group(),
                    ..c.origin.clone()
                },
                // Made at the gathering before this one: "before the next" meant today.
                next_gathering: (c.origin.gathering + 1 == session.gathering)
                    .then_some(session.date),
            }
        };
        Minutes {
            program: program.to_string(),
            gathering: session.gathering,
            title: session.title.clone(),
            ended: session.is_finished(),
            date: session.date,
            place: session.place.clone(),
            facilitator: session.facilitator.clone(),
            agenda,
            highlights: of_kind(NoteKind::Highlight),
            items,
            parking: of_kind(NoteKind::ParkingLot),
            made: session.made_here().map(agreement).collect(),
            reviewed: session.carried().map(agreement).collect(),
            made_open: session.made_here().filter(|c| c.is_open()).count(),
            between: session
                .carried()
                .filter(|c| c.is_open())
                .map(agreement)
                .collect(),
        }
    }
}

impl AgendaRow {
    /// The title as the table shows it: marked when the item was inserted.
    pub fn title_text(&self, s: &Strings) -> String {
        if self.inserted {
            format!("{} ({})", self.title, s.minutes_inserted)
        } else {
            self.title.clone()
        }
    }

    /// The actual minutes as the table shows them: a number, "skipped", or "–" if the item
    /// was never reached.
    pub fn actual_text(&self, s: &Strings) -> String {
        match self.actual_minutes {
            Some(minutes) => minutes.to_string(),
            None if self.skipped => s.minutes_skipped.to_string(),
            None => "–".to_string(),
        }
    }

    /// How `item`, planned to start at `planned_start`, went in `session` up to `end`; without
    /// the facilitator's note, which only the caller knows may be shown.
    fn of(
        session: &Session,
        item: &AgendaItem,
        planned_start: String,
        end: Option<Timestamp>,
    ) -> AgendaRow {
        let timing = session.timing_of(&item.id);
        let started = timing.and_then(|t| t.first_started());
        let minutes = started
            .and(end)
            .map(|end| (timer::elapsed(session.events_of(&item.id), end).num_seconds() + 30) / 60);
        let skipped = (session.is_skipped(&item.id) && started.is_none())
            || (minutes == Some(0) && timing.is_some_and(|t| t.ended_at().is_some()));
        AgendaRow {
            planned_start,
            actual_start: started
                .filter(|_| !skipped)
                .map(|t| t.0.format("%H:%M").to_string()),
            title: item.title.clone(),
            planned_minutes: item.minutes,
            actual_minutes: minutes.filter(|_| !skipped),
            skipped,
            inserted: session.is_inserted(&item.id),
            facilitator_note: None,
        }
    }
}

/// When the gathering ended, or its last recorded moment if it was never closed; `None` if
/// nothing was ever started.
fn end_of(session: &Session) -> Option<Timestamp> {
    session.ended.or_else(|| {
        session
            .timing
            .iter()
            .flat_map(|t| t.events.iter().map(|e| e.at()))
            .max()
    })
}
