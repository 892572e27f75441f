//! What the room may see, as a plain value: the projector is drawn from a [`ProjectorView`] and
//! from nothing else, so privacy on the wall holds by construction rather than by care. The
//! view holds no facilitator's note, no private note, no draft and no "behind schedule": the
//! types have no place for them. It is serialisable, so another process (a projector window
//! that follows the facilitator) can draw it too.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use crate::model::{GroupLabel, ItemKind, Note, Session, Status, Timestamp};

/// The part of the facilitator's screen state that decides what the room sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScreenState {
    /// The "siden sist" review is open, with this carried agreement selected.
    pub review: Option<usize>,
    /// "Da — nå" is on.
    pub mirror: bool,
    /// The screen flashes until then (a timer reached zero, a step changed).
    pub flash_until: Option<Timestamp>,
}

impl ScreenState {
    /// What the facilitator's samling recorded in the session for the room to see: how a
    /// projector window that follows the file draws what the facilitator's window would.
    pub fn of_room(session: &Session) -> ScreenState {
        let review = session
            .room
            .review
            .as_ref()
            .and_then(|id| session.carried().position(|c| c.id == *id));
        ScreenState {
            review,
            mirror: session.room.mirror,
            flash_until: None,
        }
    }

    /// The part of it the session keeps ([`crate::model::Room`]).
    pub fn room(&self, session: &Session) -> crate::model::Room {
        crate::model::Room {
            review: self
                .review
                .and_then(|i| session.carried().nth(i))
                .map(|c| c.id.clone()),
            mirror: self.mirror,
        }
    }
}

/// Everything on the projector at one moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectorView {
    pub gathering: u32,
    pub gathering_title: String,
    pub item_title: String,
    /// Time left on the current item, in seconds; negative in overtime.
    pub left: i64,
    pub flashing: bool,
    pub step: Option<StepView>,
    /// The question in front of the room.
    pub prompt: Option<String>,
    /// The next item's title; `None` on the last item.
    pub next: Option<String>,
    pub body: Body,
}

/// What fills the screen below the clock; or the whole screen, before the first item starts
/// and after the last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Body {
    /// Before the first item starts: what the room has come to.
    Welcome(Welcome),
    /// The question alone.
    Question,
    /// "Da — nå": the answers then beside the answers now.
    ThenAndNow(ThenAndNow),
    /// "Siden sist": the agreements carried here and last time's highlights.
    SinceLast(SinceLastView),
    /// A break: when the room starts again, by the running timer (to the minute).
    Break { resumes: chrono::NaiveTime },
    /// The gathering was ended: thanks, and when the room meets next, if that is known.
    Thanks { next: Option<NextGathering> },
}

/// The welcome on the wall while the room comes in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Welcome {
    /// The program's title.
    pub program: String,
    pub date: chrono::NaiveDate,
    pub place: String,
    pub start: chrono::NaiveTime,
    /// The planned start has passed (the room waits for latecomers): "we start shortly"
    /// rather than a time gone by.
    pub late: bool,
}

/// The program's next gathering, as the room is told it at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextGathering {
    pub number: u32,
    pub title: String,
    /// When it is planned, if a session of it has been prepared.
    pub date: Option<chrono::NaiveDate>,
}

/// What the room is told that the session does not hold: the program's title and its next
/// gathering. Found from the program and the sessions beside it when the gathering is opened
/// ([`crate::service::occasion`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Occasion {
    pub program: String,
    pub next: Option<NextGathering>,
}

/// The timed step the room is in (1-2-4-alle).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepView {
    /// 1-based.
    pub number: usize,
    pub count: usize,
    pub label: String,
    /// Seconds left of the step.
    pub left: i64,
}

/// A note the room may read: its group and text, never a private one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicNote {
    pub group: GroupLabel,
    pub text: String,
}

impl PublicNote {
    /// The public ones of `notes`, in order.
    pub fn all<'a>(notes: impl IntoIterator<Item = &'a Note>) -> Vec<PublicNote> {
        notes
            .into_iter()
            .filter(|n| !n.private)
            .map(|n| PublicNote {
                group: n.group,
                text: n.text.clone(),
            })
            .collect()
    }
}

/// The answers an earlier gathering gave to the question now, beside today's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThenAndNow {
    /// The earlier gathering's number.
    pub gathering: u32,
    pub then: Vec<PublicNote>,
    pub now: Vec<PublicNote>,
}

impl ThenAndNow {
    /// For the question on screen, if it asks again what an earlier gathering asked.
    pub fn of(session: &Session) -> Option<ThenAndNow> {
        let mirror = session.mirror_now()?;
        let now = session
            .note_list()
            .filter(|n| n.item == mirror.item && n.prompt.as_ref() == Some(&mirror.prompt));
        Some(ThenAndNow {
            gathering: mirror.gathering,
            then: PublicNote::all(&mirror.notes),
            now: PublicNote::all(now),
        })
    }
}

/// "Siden sist" as the room sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SinceLastView {
    pub agreements: Vec<AgreementView>,
    /// The agreement being talked about, while the facilitator reviews.
    pub selected: Option<usize>,
    pub highlights: Vec<PublicNote>,
}

/// An agreement as the room reads it: what, and how it stands (no comment, no who).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementView {
    pub text: String,
    pub status: Status,
}

/// The clock time the current item's timer ends, to the nearest minute: when a break is over.
fn resumes_at(session: &Session, now: Timestamp) -> chrono::NaiveTime {
    let end = now.0 + session.remaining(now) + Duration::seconds(30);
    let time = end.time();
    chrono::Timelike::with_second(&time, 0).unwrap_or(time)
}

impl ProjectorView {
    /// The room's view of `session` at `now`, with the facilitator's `screen` state and what
    /// the room is told beside it; `None` when the agenda is empty.
    pub fn of(
        session: &Session,
        screen: &ScreenState,
        occasion: &Occasion,
        now: Timestamp,
    ) -> Option<ProjectorView> {
        let item = session.current_item()?;
        let events = session.events_of(&item.id);
        let step = crate::model::timer::step(item, events, now).and_then(|s| {
            Some(StepView {
                number: s.index + 1,
                count: item.steps.len(),
                label: item.steps.get(s.index)?.label.clone(),
                left: s.remaining.num_seconds(),
            })
        });
        // Until the first item is started the room is welcomed, and after the last one
        // thanked, unless the facilitator has put agreements up by hand (`v`; the review that
        // opens by itself on a "siden sist" item before the start is not in `screen`) or
        // answers then and now (`m` where there are some). `+` before the start, or `m` with
        // nothing to show, leaves the welcome.
        let then_and_now = screen.mirror.then(|| ThenAndNow::of(session)).flatten();
        let chosen = screen.review.is_some() || then_and_now.is_some();
        let reviewing = screen.review.is_some() || item.kind == ItemKind::SinceLast;
        let body = if session.is_finished() && !chosen {
            Body::Thanks {
                next: occasion.next.clone(),
            }
        } else if session.began().is_none() && !session.is_finished() && !chosen {
            Body::Welcome(Welcome {
                program: occasion.program.clone(),
                date: session.date,
                place: session.place.clone(),
                start: session.start,
                late: now >= session.planned_start(now),
            })
        } else if reviewing && (session.carried().next().is_some() || session.since_last.is_some())
        {
            Body::SinceLast(SinceLastView {
                agreements: session
                    .carried()
                    .map(|c| AgreementView {
                        text: c.text.clone(),
                        status: c.status(),
                    })
                    .collect(),
                selected: screen.review,
                highlights: session
                    .since_last
                    .as_ref()
                    .map(|s| PublicNote::all(&s.highlights))
                    .unwrap_or_default(),
            })
        } else if let Some(mirror) = then_and_now {
            Body::ThenAndNow(mirror)
        } else if item.kind == ItemKind::Break && !session.is_finished() {
            Body::Break {
                resumes: resumes_at(session, now),
            }
        } else {
            Body::Question
        };
        Some(ProjectorView {
            gathering: session.gathering,
            gathering_title: session.title.clone(),
            item_title: item.title.clone(),
            left: session.remaining(now).num_seconds(),
            flashing: screen.flash_until.is_some_and(|until| now < until),
            step,
            prompt: session.current_prompt().map(|p| p.text.clone()),
            next: session.next_item().map(|n| n.title.clone()),
            body,
        })
    }

    /// Time left on the item.
    pub fn left(&self) -> Duration {
        Duration::seconds(self.left)
    }
}
