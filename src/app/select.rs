//! Moving a selection in a list of ids (notes, agreements) with the arrows, Home and End.

/// Where to move the note selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Select {
    Previous,
    Next,
    First,
    Last,
}

impl Select {
    /// The id this move lands on in `ids`, starting from `current`: clamped at both ends (a
    /// list on a projector should not wrap around), `None` only when the list is empty.
    pub fn among<Id: Clone + PartialEq>(self, ids: &[Id], current: Option<&Id>) -> Option<Id> {
        let last = ids.len().checked_sub(1)?;
        let at = current.and_then(|id| ids.iter().position(|i| i == id));
        let index = match (self, at) {
            (Select::First, _) | (Select::Next, None) => 0,
            (Select::Last, _) | (Select::Previous, None) => last,
            (Select::Previous, Some(i)) => i.saturating_sub(1),
            (Select::Next, Some(i)) => (i + 1).min(last),
        };
        Some(ids[index].clone())
    }
}
