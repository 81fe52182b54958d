//! Structure and completeness rules (family S).

pub mod required_cell_empty;
