//! `credits`: a credit calculator and tracker for AI video and image generation.

pub mod cost;
pub mod error;
pub mod money;
pub mod pricing;
pub mod slug;

/// Runs the command line and returns the process exit code.
pub fn main_with_exit_code() -> i32 {
    0
}
