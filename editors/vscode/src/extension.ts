// The proplint VS Code extension: starts `proplint lsp` for ITU proposal documents
// (language `itu-proposal`, plus Plain Text / Markdown documents that look like proposals),
// and adds commands and a status bar item on top of the language client.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  DocumentSelector,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  Middleware,
  ResponseError,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { groupedConferences } from './conferences';
import { DETECTED_LANGUAGES, MAX_LINES, PROPOSAL_LANGUAGE, shouldAttach } from './detect';
import { bundledPath, resolveServerPath, serverExecutable, ServerResolution } from './serverPath';
import { RESTART_SETTINGS, SERVER_SETTINGS, ServerSettings, TARGET_ID, toServerSettings } from './settings';
import { ServerState, statusFor, TargetNotification } from './status';

// What the user reads is localised the VS Code way: `vscode.l10n.t` with the English text as
// its key, translated in l10n/bundle.l10n.<lang>.json (the manifest's strings are in
// package.nls.<lang>.json). The output channel's log lines stay English: they are for
// reports of bugs.
const t = (message: string, ...args: Array<string | number | boolean>): string => vscode.l10n.t(message, ...args);

/** A body's name in the target picker. */
const BODY_NAMES: Record<string, () => string> = {
  PP: () => t('Plenipotentiary Conference'),
  WTDC: () => t('World Telecommunication Development Conference'),
  WTSA: () => t('World Telecommunication Standardization Assembly'),
  RA: () => t('Radiocommunication Assembly'),
};

const INSTALL_GUIDE = 'https://github.com/proplint/proplint/blob/main/docs/editors.md#vs-code';
const FIX_ALL_KIND = 'source.fixAll.proplint';
const CATALOG_SCHEME = 'proplint-catalog';
const SCHEMES = ['file', 'untitled'];

/** Uri is the one of documents the server knows (didOpen sent, didClose not yet). */
class ProposalGate {
  private readonly attached = new Set<string>();

  accepts(doc: vscode.TextDocument): boolean {
    if (!SCHEMES.includes(doc.uri.scheme)) return false;
    const detect = vscode.workspace.getConfiguration('proplint', doc.uri).get<boolean>('detectProposals', true);
    return shouldAttach(doc.languageId, () => doc.getText(), detect);
  }
  isAttached(uri: vscode.Uri): boolean {
    return this.attached.has(uri.toString());
  }
  attach(uri: vscode.Uri): void {
    this.attached.add(uri.toString());
  }
  detach(uri: vscode.Uri): boolean {
    return this.attached.delete(uri.toString());
  }
  clear(): void {
    this.attached.clear();
  }
}

class ProplintExtension implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private state: ServerState = 'stopped';
  private missingNotified = false;
  private readonly gate = new ProposalGate();
  private readonly targets = new Map<string, TargetNotification>();
  private readonly output = vscode.window.createOutputChannel('proplint');
  private readonly status = vscode.window.createStatusBarItem('proplint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly catalogDocs = new Map<string, string>();
  private readonly catalogChanged = new vscode.EventEmitter<vscode.Uri>();
  private readonly loggedWarnings = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {
    this.status.name = t('proplint target conference');
    this.status.command = 'proplint.setTarget';
    const d = this.disposables;
    d.push(this.output, this.status, this.catalogChanged);
    d.push(vscode.commands.registerCommand('proplint.fixAll', () => this.fixAll()));
    d.push(vscode.commands.registerCommand('proplint.showCatalogEntry', () => this.showCatalogEntry()));
    d.push(vscode.commands.registerCommand('proplint.restartServer', () => this.restart(true)));
    d.push(vscode.commands.registerCommand('proplint.setTarget', () => this.setTarget()));
    d.push(vscode.workspace.registerTextDocumentContentProvider(CATALOG_SCHEME, {
      onDidChange: this.catalogChanged.event,
      provideTextDocumentContent: (uri) => this.catalogDocs.get(uri.toString()) ?? '',
    }));
    d.push(vscode.workspace.onDidOpenTextDocument((doc) => this.considerDocument(doc)));
    d.push(vscode.workspace.onDidChangeTextDocument((e) => {
      if (!this.client && DETECTED_LANGUAGES.includes(e.document.languageId) && touchesDetectionWindow(e)) {
        this.considerDocument(e.document);
      }
    }));
    d.push(vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme === CATALOG_SCHEME) this.catalogDocs.delete(doc.uri.toString());
    }));
    d.push(vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()));
    d.push(vscode.workspace.onDidChangeConfiguration((e) => this.onConfigurationChanged(e)));
    for (const doc of vscode.workspace.textDocuments) this.considerDocument(doc);
    this.updateStatus();
  }

  dispose(): void {
    void this.shutdown();
  }

  async shutdown(): Promise<void> {
    await this.stop();
    for (const x of this.disposables.splice(0)) x.dispose();
  }

  // ------------------------------------------------------------------ lifecycle ---

  /** Starts the server the first time a proposal shows up: nothing runs for other files. */
  private considerDocument(doc: vscode.TextDocument): void {
    if (this.client || this.starting || this.missingNotified) return;
    if (this.gate.accepts(doc)) void this.start();
  }

  private start(): Promise<void> {
    if (!this.starting) this.starting = this.doStart().finally(() => { this.starting = undefined; });
    return this.starting;
  }

  private async doStart(): Promise<void> {
    const resolution = this.resolveServer();
    if (!resolution.ok) {
      this.setState('missing');
      this.reportMissing(resolution);
      return;
    }
    this.output.appendLine(`proplint: starting ${resolution.path} lsp (found via ${resolution.source})`);
    const serverOptions: ServerOptions = {
      run: serverExecutable(resolution.path),
      debug: serverExecutable(resolution.path, { ...process.env, RUST_BACKTRACE: '1' }),
    };
    const documentSelector: DocumentSelector = [];
    for (const language of [PROPOSAL_LANGUAGE, ...DETECTED_LANGUAGES]) {
      for (const scheme of SCHEMES) documentSelector.push({ scheme, language });
    }
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      outputChannel: this.output,
      initializationOptions: this.settingsFor(undefined),
      middleware: this.middleware(),
      markdown: { isTrusted: false },
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => {
          this.setState('stopped');
          return { action: CloseAction.DoNotRestart, message: t('The proplint server stopped. Run "proplint: Restart server" to start it again.') };
        },
      },
    };
    const client = new LanguageClient('proplint', 'proplint', serverOptions, clientOptions);
    client.onNotification('proplint/target', (params: TargetNotification) => {
      if (params && typeof params.uri === 'string') {
        this.targets.set(params.uri, params);
        this.updateStatus();
      }
    });
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.setState('running');
      else if (e.newState === State.Starting) this.setState('starting');
      else this.setState('stopped');
    });
    this.client = client;
    this.setState('starting');
    try {
      await client.start();
    } catch (e) {
      this.output.appendLine(`proplint: the server failed to start: ${e instanceof Error ? e.message : String(e)}`);
      this.setState('stopped');
      void vscode.window.showErrorMessage(t('proplint: the language server ({0}) failed to start. See the proplint output.', resolution.path), t('Show output'))
        .then((b) => { if (b) this.output.show(); });
      return;
    }
    this.pushSettings();
  }

  private async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.gate.clear();
    this.targets.clear();
    if (client) {
      try {
        if (client.state !== State.Stopped) await client.stop(2000);
      } catch (e) {
        this.output.appendLine(`proplint: stopping the server: ${e instanceof Error ? e.message : String(e)}`);
      }
      await client.dispose().catch(() => undefined);
    }
    this.setState('stopped');
  }

  private async restart(byUser: boolean): Promise<void> {
    if (this.starting) await this.starting;
    await this.stop();
    this.missingNotified = false;
    const proposals = vscode.workspace.textDocuments.filter((d) => this.gate.accepts(d));
    if (proposals.length > 0 || byUser) await this.start();
  }

  private resolveServer(): ServerResolution {
    const configured = vscode.workspace.getConfiguration('proplint').get<string>('path', '') ?? '';
    if (configured.trim() === '') this.makeBundledExecutable();
    return resolveServerPath({
      configured,
      extensionPath: this.context.extensionPath,
      workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
      platform: process.platform,
      arch: process.arch,
      env: process.env,
      isExecutable: (p) => {
        try {
          const st = fs.statSync(p);
          if (!st.isFile()) return false;
          if (process.platform !== 'win32') fs.accessSync(p, fs.constants.X_OK);
          return true;
        } catch {
          return false;
        }
      },
    });
  }

  /**
   * The .vsix records the bundled binary's execute bit and VS Code keeps it, but an extension
   * unpacked by other means (a copied folder, some sync tools) may lose it: restore it once,
   * rather than skip the bundled server for one on PATH or report none.
   */
  private makeBundledExecutable(): void {
    if (process.platform === 'win32') return;
    const bundled = bundledPath(this.context.extensionPath, process.platform, process.arch);
    try {
      if (!fs.statSync(bundled).isFile()) return;
      fs.accessSync(bundled, fs.constants.X_OK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      try {
        fs.chmodSync(bundled, 0o755);
        this.output.appendLine(`proplint: made the bundled server executable: ${bundled}`);
      } catch (err) {
        this.output.appendLine(`proplint: the bundled server ${bundled} is not executable and chmod failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  private reportMissing(r: Extract<ServerResolution, { ok: false }>): void {
    this.missingNotified = true;
    const msg = r.reason === 'configured-missing'
      ? t('proplint: the server set in "proplint.path" ({0}) was not found or is not executable.', r.configured ?? '')
      : t('proplint: the proplint language server was not found (no "proplint.path" setting, no bundled binary, nothing on PATH).');
    this.output.appendLine(`${msg}\n  looked at:\n    ${r.tried.join('\n    ')}`);
    const openSettings = t('Open settings');
    const guide = t('Installation guide');
    void vscode.window.showErrorMessage(msg, openSettings, guide).then((choice) => {
      if (choice === openSettings) void this.openPathSetting();
      else if (choice === guide) void vscode.env.openExternal(vscode.Uri.parse(INSTALL_GUIDE));
    });
  }

  /**
   * proplint.path is machine-scoped: in a remote window (SSH, WSL, containers, code-server) it
   * lives in the remote settings, which the User tab does not show.
   */
  private async openPathSetting(): Promise<void> {
    const open = (command: string, arg: unknown) => Promise.resolve(vscode.commands.executeCommand(command, arg));
    if (vscode.env.remoteName) {
      try {
        await open('workbench.action.openRemoteSettings', { query: 'proplint.path' });
        return;
      } catch {
        // older VS Code: fall through to the user settings
      }
    }
    await open('workbench.action.openSettings', 'proplint.path');
  }

  // ----------------------------------------------------------------- middleware ---

  /**
   * Plain Text and Markdown documents are in the document selector, but only those that look
   * like proposals reach the server: the others are never opened there, and requests about
   * them are answered locally with nothing.
   */
  private middleware(): Middleware {
    const gate = this.gate;
    const attachedOnly = <T extends (...args: any[]) => unknown>() =>
      ((...args: unknown[]) => {
        const next = args[args.length - 1] as (...a: unknown[]) => unknown;
        const doc = args[0] as vscode.TextDocument | vscode.Uri;
        const uri = doc instanceof vscode.Uri ? doc : doc.uri;
        return gate.isAttached(uri) ? next(...args.slice(0, -1)) : undefined;
      }) as unknown as T;
    const providers = [
      'provideCompletionItem', 'provideHover', 'provideSignatureHelp', 'provideDefinition', 'provideReferences',
      'provideDocumentHighlights', 'provideDocumentSymbols', 'provideCodeActions', 'provideCodeLenses',
      'provideDocumentFormattingEdits', 'provideDocumentRangeFormattingEdits', 'provideOnTypeFormattingEdits',
      'provideRenameEdits', 'prepareRename', 'provideDocumentLinks', 'provideDocumentColors', 'provideColorPresentations',
      'provideDeclaration', 'provideFoldingRanges', 'provideImplementation', 'provideSelectionRanges',
      'provideTypeDefinition', 'prepareCallHierarchy', 'provideDocumentSemanticTokens', 'provideDocumentSemanticTokensEdits',
      'provideDocumentRangeSemanticTokens', 'provideLinkedEditingRange', 'prepareTypeHierarchy', 'provideInlineValues',
      'provideInlayHints', 'provideDiagnostics',
    ];
    const m: Record<string, unknown> = {};
    for (const p of providers) m[p] = attachedOnly();
    const middleware: Middleware = {
      ...(m as Middleware),
      didOpen: async (doc, next) => {
        if (!gate.accepts(doc)) return;
        gate.attach(doc.uri);
        await next(doc);
        this.updateStatus();
      },
      didChange: async (event, next) => {
        const doc = event.document;
        if (gate.isAttached(doc.uri)) return next(event);
        // a Plain Text/Markdown document that has just become a proposal (paste, typing)
        if (DETECTED_LANGUAGES.includes(doc.languageId) && this.client && touchesDetectionWindow(event) && gate.accepts(doc)) {
          gate.attach(doc.uri);
          await this.client.sendNotification(DidOpenTextDocumentNotification.type, this.client.code2ProtocolConverter.asOpenTextDocumentParams(doc));
          this.updateStatus();
        }
      },
      didClose: async (doc, next) => {
        this.targets.delete(doc.uri.toString());
        if (gate.detach(doc.uri)) await next(doc);
      },
      didSave: (doc, next) => (gate.isAttached(doc.uri) ? next(doc) : Promise.resolve()),
      willSave: (event, next) => (gate.isAttached(event.document.uri) ? next(event) : Promise.resolve()),
      willSaveWaitUntil: (event, next) => (gate.isAttached(event.document.uri) ? next(event) : Promise.resolve([])),
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (result instanceof ResponseError || !Array.isArray(result)) return result;
          return params.items.map((item, i) => {
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            if (item.section === 'proplint') return this.settingsFor(scope);
            if (item.section?.startsWith('proplint.')) {
              const key = item.section.slice('proplint.'.length) as keyof ServerSettings;
              const s = this.settingsFor(scope);
              if (key in s) return s[key];
            }
            return result[i];
          });
        },
      },
    };
    return middleware;
  }

  private settingsFor(scope: vscode.Uri | undefined): ServerSettings {
    const config = vscode.workspace.getConfiguration('proplint', scope);
    const folder = (scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0];
    const { settings, warnings } = toServerSettings((k) => config.get(k), {
      workspaceFolder: folder?.uri.fsPath,
      home: os.homedir(),
      platform: process.platform,
    });
    for (const w of warnings) {
      if (!this.loggedWarnings.has(w)) {
        this.loggedWarnings.add(w);
        this.output.appendLine(`proplint: setting ${w}`);
      }
    }
    return settings;
  }

  private pushSettings(): void {
    const client = this.client;
    if (!client || client.state !== State.Running) return;
    const scope = vscode.window.activeTextEditor?.document.uri;
    void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { proplint: this.settingsFor(scope) } })
      .catch((e) => this.output.appendLine(`proplint: didChangeConfiguration failed: ${String(e)}`));
  }

  private onConfigurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (!e.affectsConfiguration('proplint')) return;
    if (RESTART_SETTINGS.some((s) => e.affectsConfiguration(s)) || e.affectsConfiguration('proplint.detectProposals')) {
      void this.restart(false);
      return;
    }
    if (SERVER_SETTINGS.some((s) => e.affectsConfiguration(s))) this.pushSettings();
    this.updateStatus();
  }

  // ------------------------------------------------------------------- commands ---

  /** Whole sentences per command, so that each language can say them its own way. */
  private activeProposal(action: 'fix' | 'look up'): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(action === 'fix'
        ? t('proplint: open a proposal to fix.')
        : t('proplint: open a proposal to look up a citation.'));
      return undefined;
    }
    if (!this.client || !this.gate.isAttached(editor.document.uri)) {
      void vscode.window.showInformationMessage(action === 'fix'
        ? t('proplint: this document is not checked as an ITU proposal, so there is nothing to fix.')
        : t('proplint: this document is not checked as an ITU proposal, so there is nothing to look up.'));
      return undefined;
    }
    return editor;
  }

  private async fixAll(): Promise<void> {
    const editor = this.activeProposal('fix');
    if (!editor) return;
    const doc = editor.document;
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND, 10)) ?? [];
    const fixAllKind = vscode.CodeActionKind.Source.append('fixAll').append('proplint');
    const fix = actions.find((a) => a.kind && fixAllKind.contains(a.kind));
    if (!fix) {
      void vscode.window.showInformationMessage(t('proplint: no problem in this document can be fixed automatically.'));
      return;
    }
    if (fix.edit && !(await vscode.workspace.applyEdit(fix.edit))) {
      void vscode.window.showErrorMessage(t('proplint: the fixes could not be applied (the document changed meanwhile?).'));
      return;
    }
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  }

  private async showCatalogEntry(): Promise<void> {
    const editor = this.activeProposal('look up');
    if (!editor || !this.client) return;
    const client = this.client;
    const doc = editor.document;
    const position = editor.selection.active;
    let markdown: string | undefined;
    try {
      const r = await client.sendRequest<{ markdown: string } | null>('proplint/catalogEntry', {
        textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) },
        position: client.code2ProtocolConverter.asPosition(position),
      });
      markdown = r?.markdown;
      if (!markdown) {
        void vscode.window.showInformationMessage(t('proplint: put the cursor on a citation such as "Resolution 140 (Rev. Busan, 2014)".'));
        return;
      }
    } catch (e) {
      // an older server without the request: fall back to the hover text of the citation
      this.output.appendLine(`proplint: proplint/catalogEntry failed (${e instanceof Error ? e.message : String(e)}); using the hover instead`);
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
      const parts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
        .filter((s) => s.trim() !== '');
      if (parts.length === 0) {
        void vscode.window.showInformationMessage(t('proplint: no catalogue entry for the text under the cursor.'));
        return;
      }
      markdown = parts.join('\n\n---\n\n');
    }
    const uri = vscode.Uri.from({ scheme: CATALOG_SCHEME, path: `/${entryTitle(markdown)}.md`, query: String(Date.now()) });
    this.catalogDocs.set(uri.toString(), markdown);
    const entry = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(entry, 'markdown');
    await vscode.window.showTextDocument(entry, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  }

  private async setTarget(): Promise<void> {
    type Item = vscode.QuickPickItem & { value?: string; other?: boolean };
    const scope = vscode.window.activeTextEditor?.document.uri;
    const config = vscode.workspace.getConfiguration('proplint', scope);
    const current = (config.get<string>('target', '') ?? '').trim();
    const items: Item[] = [
      { label: `$(wand) ${t('Infer from the conference line')}`, description: current === '' ? t('current') : '', detail: t('No fixed target: the server reads it from each document'), value: '' },
    ];
    for (const group of groupedConferences()) {
      items.push({ label: BODY_NAMES[group.body]?.() ?? group.body, kind: vscode.QuickPickItemKind.Separator });
      for (const c of group.items) {
        const where = `${c.place}, ${c.year}`;
        items.push({ label: c.id, description: c.id === current ? t('{0} — current', where) : where, value: c.id });
      }
    }
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: `$(edit) ${t('Other conference id…')}`, other: true });
    const picked = await vscode.window.showQuickPick(items, {
      title: t('proplint: target conference'),
      placeHolder: current ? t('Current: {0}', current) : t('Current: inferred from the conference line'),
      matchOnDescription: true,
    });
    if (!picked) return;
    let value = picked.value;
    if (picked.other) {
      value = await vscode.window.showInputBox({
        title: t('proplint: target conference id'),
        prompt: t('A conference id such as PP-26 or WTDC-25'),
        value: current,
        validateInput: (v) => (v.trim() === '' || TARGET_ID.test(v.trim().toUpperCase()) ? undefined : t('Expected BODY-YY, e.g. PP-22')),
      });
      if (value === undefined) return;
      value = value.trim().toUpperCase();
    }
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update('target', value ?? '', target);
  }

  // ----------------------------------------------------------------- status bar ---

  private setState(state: ServerState): void {
    this.state = state;
    this.updateStatus();
  }

  private updateStatus(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const isProposal = !!doc && (this.gate.isAttached(doc.uri) || this.gate.accepts(doc));
    void vscode.commands.executeCommand('setContext', 'proplint.isProposal', isProposal);
    if (!doc || !isProposal) {
      this.status.hide();
      return;
    }
    const setting = vscode.workspace.getConfiguration('proplint', doc.uri).get<string>('target', '') ?? '';
    const announced = this.client ? this.targets.get(this.client.code2ProtocolConverter.asUri(doc.uri)) ?? this.targets.get(doc.uri.toString()) : undefined;
    const view = statusFor(announced, setting, this.state, t);
    this.status.text = view.text;
    this.status.tooltip = view.tooltip;
    this.status.show();
  }
}

/** Whether an edit can change what `detectProposal` sees (it reads the first MAX_LINES lines). */
function touchesDetectionWindow(e: vscode.TextDocumentChangeEvent): boolean {
  return e.contentChanges.some((c) => c.range.start.line < MAX_LINES);
}

/** The tab title of a catalogue entry: its first line, without Markdown markup. */
function entryTitle(markdown: string): string {
  const first = markdown.split('\n').map((l) => l.replace(/^[#>\s*_-]+|[*_`]+/g, '').trim()).find((l) => l !== '') ?? '';
  return (first.replace(/[\\/:?#%]/g, '-').slice(0, 60).trim() || t('catalogue entry'));
}

let extension: ProplintExtension | undefined;

export function activate(context: vscode.ExtensionContext): void {
  extension = new ProplintExtension(context);
  context.subscriptions.push(extension);
}

export function deactivate(): Promise<void> | undefined {
  const e = extension;
  extension = undefined;
  return e?.shutdown();
}
