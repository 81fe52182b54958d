//! Budget arithmetic rules (family B): amounts that can be read and added.

pub mod amount_unreadable;
