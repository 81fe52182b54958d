//! Budget arithmetic rules (family B): amounts that can be read and added.

pub mod amount_unreadable;
pub mod fund_sources_do_not_sum_to_total;
