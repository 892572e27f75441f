//! Planned clock times: when each agenda item should start and end if the day runs to plan.

use chrono::{Duration, NaiveTime};

use super::program::AgendaItem;

/// The planned start and end of one agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// One slot per item, back to back from `start`. Times wrap past midnight, as a clock does.
pub fn planned(start: NaiveTime, agenda: &[AgendaItem]) -> Vec<Slot> {
    let mut at = start;
    agenda
        .iter()
        .map(|item| {
            let end = at + Duration::minutes(i64::from(item.minutes));
            let slot = Slot { start: at, end };
            at = end;
            slot
        })
        .collect()
}

/// When the agenda is planned to end.
pub fn planned_end(start: NaiveTime, agenda: &[AgendaItem]) -> NaiveTime {
    let minutes: i64 = agenda.iter().map(|i| i64::from(i.minutes)).sum();
    start + Duration::minutes(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemKind;

    fn item(id: &str, minutes: u32) -> AgendaItem {
        AgendaItem {
            id: id.into(),
            title: id.into(),
            kind: ItemKind::Talk,
            minutes,
            prompts: vec![],
            facilitator_note: String::new(),
            steps: vec![],
            goals: vec![],
        }
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn slots_run_back_to_back_from_the_start() {
        let agenda = [item("a", 10), item("b", 45), item("c", 5)];
        let slots = planned(t(13, 0), &agenda);
        assert_eq!(
            slots,
            vec![
                Slot {
                    start: t(13, 0),
                    end: t(13, 10)
                },
                Slot {
                    start: t(13, 10),
                    end: t(13, 55)
                },
                Slot {
                    start: t(13, 55),
                    end: t(14, 0)
                },
            ]
        );
        assert_eq!(planned_end(t(13, 0), &agenda), t(14, 0));
    }

    #[test]
    fn an_evening_gathering_wraps_past_midnight() {
        assert_eq!(planned_end(t(23, 30), &[item("a", 45)]), t(0, 15));
    }
}
