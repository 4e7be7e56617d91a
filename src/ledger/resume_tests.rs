//! Checkpoints: resuming equals replaying everything.
