;;; test-proplint.el --- batch tests for proplint.el  -*- lexical-binding: t; -*-
;; emacs --batch -q -L editors/emacs -l editors/emacs/test-proplint.el
;; Needs eglot (built in from Emacs 29; Debian 12: apt-get install elpa-eglot) and, for the
;; eglot test, PROPLINT_BIN=/path/to/proplint or node (for the test double
;; editors/vscode/e2e/fake-server.mjs).
(require 'package)
(package-initialize)
(require 'ert)
(require 'proplint)

(defvar proplint-test-dir
  (expand-file-name "../vscode/e2e/fixtures/" (file-name-directory (or load-file-name buffer-file-name))))

(defun proplint-test-visit (name)
  (let ((tmp (make-temp-file "proplint-" t)))
    ;; The folder goes when the batch Emacs exits, with the buffers visiting it.
    (add-hook 'kill-emacs-hook (lambda () (delete-directory tmp t)))
    (copy-file (expand-file-name name proplint-test-dir) (expand-file-name name tmp))
    (find-file-noselect (expand-file-name name tmp))))

(defun proplint-test-face-at (string)
  (goto-char (point-min))
  (search-forward string)
  (let ((f (get-text-property (match-beginning 0) 'face)))
    (if (listp f) f (list f))))

(ert-deftest proplint-modes ()
  (with-current-buffer (proplint-test-visit "usa-res45.proposal.txt")
    (should (eq major-mode 'itu-proposal-mode)))
  (with-current-buffer (proplint-test-visit "detected.txt")
    (should (eq major-mode 'itu-proposal-mode)))
  (with-current-buffer (proplint-test-visit "notes.txt")
    (should (eq major-mode 'text-mode))))

(ert-deftest proplint-font-lock ()
  (with-temp-buffer
    (insert "MOD\tUSA/22/1\nRESOLUTION 45 (Rev. Dubai, 2014)\n"
            "The World Telecommunication Development Conference (Buenos Aires, 2017),\n"
            "recalling\na)\tResolution 140 (Rev. Guadalajara, 2010) of the Conference;\n"
            "1\tto {++add++} and {--drop--} text {>>proplint-ignore stale-revision<<}\n"
            "Reasons:\tupdate.\n")
    (itu-proposal-mode)
    (font-lock-ensure)
    (should (memq 'font-lock-keyword-face (proplint-test-face-at "MOD")))
    (should (memq 'font-lock-constant-face (proplint-test-face-at "USA/22/1")))
    (should (memq 'font-lock-function-name-face (proplint-test-face-at "RESOLUTION 45")))
    (should (memq 'font-lock-type-face (proplint-test-face-at "The World")))
    (should (memq 'italic (proplint-test-face-at "recalling")))
    (should (memq 'font-lock-type-face (proplint-test-face-at "Resolution 140")))
    (should (memq 'font-lock-string-face (proplint-test-face-at "(Rev. Guadalajara")))
    (should (memq 'diff-added (proplint-test-face-at "{++add")))
    (should (memq 'diff-removed (proplint-test-face-at "{--drop")))
    (should (memq 'font-lock-preprocessor-face (proplint-test-face-at "proplint-ignore")))
    (should (memq 'bold (proplint-test-face-at "Reasons")))))

(ert-deftest proplint-detection ()
  (with-temp-buffer
    (insert "Notes\nWe cite Resolution 45 (Rev. Dubai, 2014) here.\nMOD the file.\n")
    (should-not (proplint-proposal-buffer-p)))
  (with-temp-buffer
    (insert "cover\n MOD\tECP/24A6/1\n")
    (should (proplint-proposal-buffer-p)))
  (with-temp-buffer
    (insert "## RESOLUTION 45 (Rév. Dubai, 2014)\n")
    (should (proplint-proposal-buffer-p))))

(ert-deftest proplint-eglot-shows-diagnostics ()
  "eglot starts the server from `proplint-command' and shows its diagnostics.
The server is $PROPLINT_BIN when set, else the test double (needs node); with the
real server, its quick fix for the stale citation is applied through eglot."
  (skip-unless (or (getenv "PROPLINT_BIN") (executable-find "node")))
  (let* ((real (getenv "PROPLINT_BIN"))
         (fake (expand-file-name "../fake-server.mjs" proplint-test-dir))
         (proplint-command (if real (list real "lsp") (list (executable-find "node") fake "lsp")))
         (proplint-server-settings '(:target "WTDC-17" :catalog [] :debounceMs 50))
         (buf (proplint-test-visit "usa-res45.proposal.txt")))
    (with-current-buffer buf
      (let ((project-find-functions (list (lambda (dir) (cons 'transient dir)))))
        ;; `eglot-ensure' waits for the command loop, which batch mode has not: connect now
        (apply #'eglot (eglot--guess-contact))
        (let ((deadline (+ (float-time) 20)) diags)
          (while (and (null diags) (< (float-time) deadline))
            (accept-process-output nil 0.2)
            (when (eglot-current-server) (flymake-start))
            (setq diags (flymake-diagnostics)))
          (should diags)
          (let ((stale (cl-find-if (lambda (d) (string-match-p "Resolution 140 (Rev. Guadalajara, 2010)"
                                                               (flymake-diagnostic-text d)))
                                   diags)))
            (should stale)
            ;; With the real server: its preferred quick fix, applied through eglot.
            (when real
              (let* ((actions (eglot-code-actions (flymake-diagnostic-beg stale)
                                                  (flymake-diagnostic-end stale)
                                                  "quickfix"))
                     (fix (cl-find-if (lambda (a) (plist-get a :isPreferred)) actions)))
                (should fix)
                (should (equal (plist-get fix :title) "Cite Resolution 140 (Rev. Busan, 2014)"))
                (eglot--apply-workspace-edit (plist-get fix :edit))
                (goto-char (point-min))
                (should (search-forward "Resolution 140 (Rev. Busan, 2014) of the Plenipotentiary" nil t))
                (goto-char (point-min))
                (should-not (search-forward "Resolution 140 (Rev. Guadalajara, 2010)" nil t)))))
          (let ((stderr (cl-find-if (lambda (b) (string-match-p "EGLOT.*stderr" (buffer-name b))) (buffer-list))))
            ;; the test double logs the workspace/configuration answer on stderr
            (unless real
              (should stderr)
              (with-current-buffer stderr
                (should (string-match-p "\"target\":\"WTDC-17\"" (buffer-string))))))
          (eglot-shutdown (eglot-current-server)))))))

(ert-run-tests-batch-and-exit)
