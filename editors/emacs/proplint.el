;;; proplint.el --- ITU proposal mode and proplint language server via eglot  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages, tools
;; URL: https://github.com/proplint/proplint

;;; Commentary:

;; `itu-proposal-mode', a `text-mode' derivative for ITU conference proposals (documents that
;; amend ITU resolutions, in English, French or Spanish), with highlighting of actions and
;; proposal references, headings, conference lines, call words, clause labels, citations,
;; Reasons/Motifs/Motivos and CriticMarkup; and the eglot setup for `proplint lsp'.
;;
;;   (add-to-list 'load-path "/path/to/proplint/editors/emacs")
;;   (require 'proplint)
;;   (add-hook 'itu-proposal-mode-hook #'eglot-ensure)
;;
;; Files: *.itup, *.proposal.txt, *.proposal.md, and *.txt files whose first 400 lines look
;; like a proposal (`proplint-proposal-buffer-p').  Markdown proposals keep `markdown-mode';
;; `proplint-markdown-setup' starts eglot for those that look like proposals.
;; Server settings: `proplint-server-settings' (sent as workspace configuration `:proplint').

;;; Code:

(require 'eglot)

(defgroup proplint nil
  "ITU proposals and the proplint language server."
  :group 'languages
  :prefix "proplint-")

(defcustom proplint-command '("proplint" "lsp")
  "Command line that starts the proplint language server."
  :type '(repeat string))

(defcustom proplint-server-settings
  '(:target "" :catalog [] :debounceMs 200)
  "Settings sent to the server as the workspace configuration section `proplint'.
:target is a conference id such as \"WTDC-17\" (\"\" = from the conference line),
:catalog a vector of extra catalogue files, :rules a plist rule code -> severity
\(\"error\", \"warning\", \"info\" or \"off\"), e.g.
\(:uncatalogued-citation \"off\"), :debounceMs a number."
  :type 'plist)

(defconst proplint--call-words
  '("recalling" "considering" "recognizing" "recognising" "noting" "bearing in mind" "aware"
    "mindful" "taking into account" "emphasizing" "convinced" "concerned" "observing"
    "acknowledging" "welcoming" "reaffirming"
    "rappelant" "considérant" "reconnaissant" "notant" "ayant à l'esprit" "ayant à l’esprit"
    "consciente" "conscient" "tenant compte" "soulignant" "convaincue" "préoccupée" "observant"
    "réaffirmant" "prenant note"
    "recordando" "considerando" "reconociendo" "observando" "tomando nota" "teniendo presente"
    "teniendo en cuenta" "destacando" "subrayando" "convencida" "preocupada" "reafirmando")
  "Preambular call words (English, French, Spanish).")

(defconst proplint--operative-words
  '("resolves" "decides" "instructs" "invites" "requests" "encourages" "urges" "calls upon"
    "décide" "charge" "invite" "prie instamment" "prie" "encourage" "demande" "exhorte"
    "resuelve" "decide" "encarga" "invita" "pide" "alienta" "insta" "exhorta" "solicita")
  "Operative call words, optionally followed by their addressee on the same line.")

(defconst proplint--further "\\(?:[ \t]+\\(?:further\\|also\\|en outre\\|également\\|además\\|asimismo\\)\\)?")

(defconst proplint--action-re
  "^[ \t]*\\((?\\(?:MOD\\|ADD\\|SUP\\|NOC\\))?\\)[ \t]+\\([A-Z]\\{1,6\\}/[0-9]+\\(?:A[0-9]+\\)?/[0-9]+\\)"
  "Action line: MOD<TAB>ECP/24A6/1.")

(defconst proplint--heading-re
  (concat "^[ \t]*\\(?:#+[ \t]+\\)?\\(?:\\[bookmark:[^]]*\\]\\)*"
          "\\(\\(?:RESOLUTION\\|RÉSOLUTION\\|RESOLUCIÓN\\|DECISION\\|RECOMMENDATION\\|OPINION\\)"
          "[ \t]+[0-9]+\\(?:/[0-9]+\\)?[ \t]*\\(?:([^()\n]*)\\)?"
          "\\|DRAFT NEW RESOLUTION[ \t]*\\[[^]\n]+\\]"
          "\\|PROJET DE NOUVELLE RÉSOLUTION[ \t]*\\[[^]\n]+\\]"
          "\\|PROYECTO DE NUEVA RESOLUCIÓN[ \t]*\\[[^]\n]+\\]\\)[ \t]*$")
  "Resolution heading, also a Markdown heading or after Word bookmarks.")

(defconst proplint--conference-re
  (concat "^[ \t]*\\(?:The\\|La\\|El\\)[ \t].*"
          "\\(?:Conference\\|Conférence\\|Conferencia\\|Assembly\\|Assemblée\\|Asamblea\\)"
          ".*([^()\n]*[0-9]\\{4\\}[^()\n]*),[ \t]*$")
  "Conference line: The World ... Conference (Buenos Aires, 2017),")

(defconst proplint--citation-re
  (concat "\\<\\(Resolutions?\\|Résolutions?\\|Resoluci\\(?:ón\\|ones\\)\\)[ \t\u00a0]+"
          "\\([0-9]+\\(?:/[0-9]+\\)?\\(?:[ \t]*\\(?:,\\|and\\|et\\|y\\)[ \t]*[0-9]+\\(?:/[0-9]+\\)?\\)*\\)"
          "\\(?:[ \t\u00a0]*\\((\\(?:R[eéEÉ][vV]\\.?[ \t]*\\)?"
          "\\(?:[^()0-9\n]+,?[ \t]*[0-9]\\{4\\}[^()\n]*\\|\\(?:WRC\\|CMR\\)-[0-9][0-9]\\))\\)\\)?")
  "Citation: Resolution 140 (Rev. Busan, 2014), Résolutions 130 et 140 (Rév. ...).")

(defconst proplint--font-lock-keywords
  `((,proplint--action-re (1 font-lock-keyword-face) (2 font-lock-constant-face))
    (,proplint--heading-re (1 font-lock-function-name-face))
    (,proplint--conference-re . font-lock-type-face)
    (,(concat "^[ \t]*\\(" (regexp-opt proplint--call-words) proplint--further "\\)[ \t]*$")
     (1 'italic))
    (,(concat "^[ \t]*\\(" (regexp-opt proplint--operative-words) proplint--further "\\)"
              "\\(?:[ \t]+[^;:\n]*[^;:,. \t\n]\\)?[ \t]*$")
     (1 '(italic font-lock-keyword-face)))
    ("^[ \t]*\\(Reasons\\|Motifs\\|Motivos\\)[ \t]*:" (1 'bold))
    ("^[ \t]*\\(?:[-*+][ \t]+\\)?\\([a-z]\\{1,2\\})\\|[ivxlc]\\{1,6\\})\\|[0-9]\\{1,3\\}\\(?:\t\\| \\)\\|[•–]\\)"
     (1 font-lock-constant-face))
    (,proplint--citation-re (1 font-lock-type-face) (2 font-lock-constant-face)
                            (3 font-lock-string-face nil t))
    ;; CriticMarkup (after the rest, so that it wins)
    ("{\\+\\+\\(?:.\\|\n\\)*?\\+\\+}" 0 'diff-added t)
    ("{--\\(?:.\\|\n\\)*?--}" 0 'diff-removed t)
    ("{~~\\(\\(?:.\\|\n\\)*?\\)~>\\(\\(?:.\\|\n\\)*?\\)~~}"
     (0 'diff-changed t) (1 'diff-removed t) (2 'diff-added t))
    ("{>>\\(?:.\\|\n\\)*?<<}" 0 font-lock-comment-face t)
    ;; suppressions inside comments: {>>proplint-ignore stale-revision<<}
    ("{>>[ \t]*\\(proplint-ignore\\(?:-start\\|-end\\)?\\)\\>" 1 'font-lock-preprocessor-face t)
    ("{==\\(?:.\\|\n\\)*?==}" 0 'highlight t))
  "Highlighting for `itu-proposal-mode'.")

(defun proplint-proposal-buffer-p ()
  "Non-nil when the first 400 lines of the buffer look like an ITU proposal.
That is a line with an action and reference (MOD<TAB>ECP/24A6/1), a
resolution heading (RESOLUTION 45 (Rev. Dubai, 2014)), or a conference
line ending in \"(Place, Year),\"."
  (save-excursion
    (save-restriction
      (widen)
      (goto-char (point-min))
      (let ((limit (save-excursion (forward-line 400) (point)))
            (case-fold-search nil))
        (or (re-search-forward proplint--action-re limit t)
            (progn (goto-char (point-min)) (re-search-forward proplint--heading-re limit t))
            (progn (goto-char (point-min)) (re-search-forward proplint--conference-re limit t)))))))

;;;###autoload
(define-derived-mode itu-proposal-mode text-mode "ITU-Proposal"
  "Major mode for ITU conference proposals; `eglot' runs `proplint lsp' in it."
  (setq-local font-lock-defaults '(proplint--font-lock-keywords t))
  (setq-local font-lock-multiline t)
  (setq-local outline-regexp "^[ \t]*(?\\(?:MOD\\|ADD\\|SUP\\|NOC\\))?[ \t]")
  (setq-local indent-tabs-mode t))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.itup\\'" . itu-proposal-mode))
;;;###autoload
(add-to-list 'auto-mode-alist '("\\.proposal\\.\\(?:txt\\|md\\)\\'" . itu-proposal-mode))

(defun proplint--txt-proposal-p ()
  "For `magic-mode-alist': a .txt file that looks like a proposal."
  (and buffer-file-name
       (string-match-p "\\.txt\\'" buffer-file-name)
       (proplint-proposal-buffer-p)))

;;;###autoload
(add-to-list 'magic-mode-alist '(proplint--txt-proposal-p . itu-proposal-mode))

;; eglot: one server for proposals (and Markdown proposals, see below)
(add-to-list 'eglot-server-programs
             `((itu-proposal-mode :language-id "itu-proposal")
               . ,(lambda (&rest _) proplint-command)))

(defun proplint-workspace-configuration (&optional _server)
  "Workspace configuration with the section `proplint'.
Its value is `proplint-server-settings'.  If you set
`eglot-workspace-configuration' yourself, add (:proplint ...) to it."
  (list :proplint proplint-server-settings))

(unless (default-value 'eglot-workspace-configuration)
  (setq-default eglot-workspace-configuration #'proplint-workspace-configuration))

(defun proplint-markdown-maybe-eglot ()
  "Start eglot with proplint in a Markdown buffer that looks like a proposal."
  (when (proplint-proposal-buffer-p)
    (let ((eglot-server-programs
           (cons `((,major-mode :language-id "markdown") . ,(lambda (&rest _) proplint-command))
                 eglot-server-programs)))
      (eglot-ensure))))

;;;###autoload
(defun proplint-markdown-setup ()
  "Run proplint in Markdown buffers that look like proposals."
  (add-hook 'markdown-mode-hook #'proplint-markdown-maybe-eglot)
  (add-hook 'gfm-mode-hook #'proplint-markdown-maybe-eglot))

(provide 'proplint)
;;; proplint.el ends here
