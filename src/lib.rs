//! `credits`: a credit calculator and tracker for AI video and image generation.

pub mod store;

/// Runs the command line and returns the process exit code.
pub fn main_with_exit_code() -> i32 {
    0
}
