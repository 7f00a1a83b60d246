//! One module per subcommand, each with its clap arguments and a `run` function.

pub mod assess;
pub mod benchmark;
pub mod comparisons;
pub mod export;
pub mod import;
pub mod indicators;
pub mod review;
pub mod serve;
pub mod show;
pub mod simulate;
pub mod timeliness;
pub mod verify;
pub mod worklist;
