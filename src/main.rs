fn main() {
    std::process::exit(proplint::cli::main());
}
