//! Prints how much of the reference table (`tests/reference/endpoints.tsv`,
//! every REST method of the official SDKs) this crate implements, per
//! reference group: `cargo run -p crisp-rest --example coverage`.
//!
//! A row counts when a method sends its verb and path: its own method, or,
//! for a Go-only variant, the method `crisp_rest::go_methods` maps it to.

#[path = "../tests/common/table.rs"]
mod table;

fn main() {
    let coverage = table::coverage();
    let (covered, total) = coverage
        .iter()
        .fold((0, 0), |(covered, total), (_, c, t)| (covered + c, total + t));
    let methods = crisp_rest::endpoints().count();
    println!("REST methods implemented: {covered} / {total} rows of the reference table ({methods} methods)");
    println!();
    println!("| group | implemented |");
    println!("| --- | ---: |");
    for (group, covered, total) in coverage {
        println!("| `{group}` | {covered} / {total} |");
    }
}
