//! Test-only entry point for the language server, for the spawned-binary, Neovim and
//! latency tests until `proplint lsp` is wired in the CLI. Same as `proplint lsp`.

fn main() -> std::io::Result<()> {
    proplint::lsp::run_stdio()
}
