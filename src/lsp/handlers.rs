//! The LSP requests and notifications the server answers: `impl LanguageServer for
//! Backend`, and the custom request `proplint/catalogEntry` ([`super::protocol`]).
//!
//! Each handler is a few lines: it reads the parameters (with [`super::from_proto`]),
//! calls the [`Backend`] (documents, configuration, waiting for an analysis) or the
//! module of the feature ([`super::actions`], [`super::hover`], [`super::completion`],
//! [`super::symbols`]), and converts the answer ([`super::to_proto`]). Pulled
//! diagnostics of open documents do not reach [`LanguageServer::diagnostic`]: the
//! service answers them itself ([`super::service`](mod@super::service)).

use tower_lsp::jsonrpc::Result as RpcResult;
use tower_lsp::lsp_types::*;
use tower_lsp::LanguageServer;

use super::actions::code_actions;
use super::capabilities::{self, ClientFlags};
use super::model::ModelView;
use super::protocol::{CatalogEntry, CatalogEntryParams};
use super::server::Backend;
use super::{completion, from_proto, hover, position, symbols, to_proto};

impl Backend {
    /// `proplint/catalogEntry`: what a hover on the citation at a position shows.
    pub(super) async fn catalog_entry(
        &self,
        params: CatalogEntryParams,
    ) -> RpcResult<Option<CatalogEntry>> {
        let Some(snapshot) = self.snapshot(&params.text_document.uri).await else {
            return Ok(None);
        };
        Ok(hover::citation_hover(&snapshot, params.position)
            .map(|markdown| CatalogEntry { markdown }))
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        let encoding = position::negotiate(&params.capabilities);
        self.begin(
            encoding,
            ClientFlags::of(&params.capabilities),
            from_proto::workspace_roots(&params),
            from_proto::initialization_settings(&params),
            params
                .locale
                .as_deref()
                .and_then(super::config::lang_of_locale),
        );
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "proplint".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            capabilities: capabilities::server_capabilities(encoding),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.start().await;
    }

    async fn shutdown(&self) -> RpcResult<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        self.open(params.text_document);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let version = params.text_document.version;
        self.change(params.text_document.uri, version, params.content_changes)
            .await;
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if from_proto::is_config_file(&params.text_document.uri) {
            self.configuration_changed(true).await;
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.close(&params.text_document.uri).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        self.settings_changed(&params.settings).await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        if params
            .changes
            .iter()
            .any(|c| from_proto::is_config_file(&c.uri))
        {
            self.configuration_changed(true).await;
        }
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> RpcResult<DocumentDiagnosticReportResult> {
        let snapshot = self.snapshot(&params.text_document.uri).await;
        Ok(to_proto::diagnostic_report(
            snapshot.as_ref().map(|s| (s.generation, s.diagnostics())),
            params.previous_result_id.as_deref(),
        ))
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let Some(snapshot) = self.snapshot(&params.text_document.uri).await else {
            return Ok(None);
        };
        let support = self.state().flags.edits;
        let actions = code_actions(
            &snapshot,
            params.range,
            params.context.only.as_deref(),
            support,
        );
        Ok((!actions.is_empty()).then_some(actions))
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let position = params.text_document_position_params.position;
        let Some(snapshot) = self
            .snapshot(&params.text_document_position_params.text_document.uri)
            .await
        else {
            return Ok(None);
        };
        let found = hover::hover_at(&snapshot, snapshot.offset(position));
        Ok(found.map(|(markdown, span)| to_proto::hover(markdown, snapshot.range(span))))
    }

    async fn completion(&self, params: CompletionParams) -> RpcResult<Option<CompletionResponse>> {
        let position = params.text_document_position.position;
        let Some(snapshot) = self
            .snapshot(&params.text_document_position.text_document.uri)
            .await
        else {
            return Ok(None);
        };
        let offset = snapshot.offset(position);
        Ok(completion::complete(&snapshot, offset).map(CompletionResponse::Array))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> RpcResult<Option<DocumentSymbolResponse>> {
        let Some(snapshot) = self.snapshot(&params.text_document.uri).await else {
            return Ok(None);
        };
        let Some(analysis) = &snapshot.analysis else {
            return Ok(None);
        };
        let view = ModelView::of(analysis, snapshot.text());
        Ok(Some(DocumentSymbolResponse::Nested(
            symbols::document_symbols(&snapshot, &view),
        )))
    }

    async fn folding_range(
        &self,
        params: FoldingRangeParams,
    ) -> RpcResult<Option<Vec<FoldingRange>>> {
        let Some(snapshot) = self.snapshot(&params.text_document.uri).await else {
            return Ok(None);
        };
        let Some(analysis) = &snapshot.analysis else {
            return Ok(None);
        };
        let view = ModelView::of(analysis, snapshot.text());
        Ok(Some(symbols::folding_ranges(&snapshot, &view)))
    }
}
