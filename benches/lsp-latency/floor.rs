//! The floor of the language server's stack: a tower-lsp server on tokio that keeps each
//! document in a ropey buffer, applies incremental edits and publishes an empty list of
//! diagnostics for every version, and does nothing else. Run through the latency
//! benchmark, it says what the stack costs before any analysis (docs/performance.md):
//!
//!   cargo build --release --example lsp-floor --benches
//!   cargo bench --bench lsp-latency -- --edits 300 --seed 7 -- "$PWD/target/release/examples/lsp-floor"

use std::collections::HashMap;

use ropey::Rope;
use tokio::sync::Mutex;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService, Server};

struct Floor {
    client: Client,
    documents: Mutex<HashMap<Url, Rope>>,
}

/// The character offset of a UTF-16 position, clamped to the rope.
fn char_offset(rope: &Rope, position: Position) -> usize {
    let line = (position.line as usize).min(rope.len_lines().saturating_sub(1));
    let line_start = rope.char_to_utf16_cu(rope.line_to_char(line));
    let utf16 = (line_start + position.character as usize).min(rope.len_utf16_cu());
    rope.utf16_cu_to_char(utf16)
}

#[tower_lsp::async_trait]
impl LanguageServer for Floor {
    async fn initialize(&self, _: InitializeParams) -> Result<InitializeResult> {
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                text_document_sync: Some(TextDocumentSyncCapability::Kind(
                    TextDocumentSyncKind::INCREMENTAL,
                )),
                ..Default::default()
            },
            server_info: Some(ServerInfo {
                name: "lsp-floor".into(),
                version: None,
            }),
        })
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let rope = Rope::from_str(&document.text);
        self.documents
            .lock()
            .await
            .insert(document.uri.clone(), rope);
        self.client
            .publish_diagnostics(document.uri, Vec::new(), Some(document.version))
            .await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        {
            let mut documents = self.documents.lock().await;
            let Some(rope) = documents.get_mut(&params.text_document.uri) else {
                return;
            };
            for change in params.content_changes {
                match change.range {
                    Some(range) => {
                        let start = char_offset(rope, range.start);
                        let end = char_offset(rope, range.end).max(start);
                        rope.remove(start..end);
                        rope.insert(start, &change.text);
                    }
                    None => *rope = Rope::from_str(&change.text),
                }
            }
        }
        let document = params.text_document;
        self.client
            .publish_diagnostics(document.uri, Vec::new(), Some(document.version))
            .await;
    }
}

#[tokio::main]
async fn main() {
    let (service, socket) = LspService::new(|client| Floor {
        client,
        documents: Mutex::new(HashMap::new()),
    });
    Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
        .serve(service)
        .await;
}
