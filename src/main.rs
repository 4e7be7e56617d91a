//! The `credits` binary: a thin shell over the library's `run`.

fn main() {
    std::process::exit(credits::main_with_exit_code());
}
