//! A throwaway server by hand, for poking at what the tests see with `psql`:
//! `cargo run -p credits-testpg --example throwaway` prints a fresh database's URL and keeps the
//! server until Enter, Ctrl-D or Ctrl-C; then it is stopped and its files removed.

fn main() {
    let Some(pg) = credits_testpg::server() else {
        std::process::exit(1); // server() has said why
    };
    println!("server started in {:?}", pg.started_in());
    println!("admin:    {}", pg.admin_url());
    println!("database: {}", pg.fresh_database());
    if let Some(bin) = pg.bin_dir() {
        println!("binaries: {}", bin.display());
    }
    println!("Enter stops it.");
    let _ = std::io::stdin().read_line(&mut String::new());
}
