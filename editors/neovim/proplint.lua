-- proplint for Neovim (0.7 and newer): filetype detection and the language server.
--
-- Put this file in your runtime path as lua/proplint.lua (e.g. ~/.config/nvim/lua/proplint.lua)
-- and call, from init.lua:
--
--   require('proplint').setup()                        -- no plugin; Neovim 0.7+ (Debian 12 has 0.7.2)
--   require('proplint').setup({ target = 'WTDC-17' })  -- with server settings
--   require('proplint').setup_lspconfig()              -- the same through nvim-lspconfig (< 2.0)
--   require('proplint').setup_native()                 -- Neovim 0.11+: vim.lsp.config/enable
--
-- On a Neovim too old for the chosen set-up, it says what it needs (one message, no traceback).
--
-- Files checked: *.itup, *.proposal.txt, *.proposal.md (filetype `itu-proposal`), and
-- `text`/`markdown` buffers whose first 400 lines look like a proposal (an action line
-- "MOD	ECP/24A6/1", a heading "RESOLUTION 45 (Rev. Dubai, 2014)", a conference line
-- "The World ... Conference (Buenos Aires, 2017),"). Other buffers never start the server.
local M = {}

M.defaults = {
  cmd = { 'proplint', 'lsp' },
  -- what the server reads from workspace/configuration, section "proplint"
  settings = {
    target = '', -- conference id such as 'PP-22' or 'WTDC-17'; '' = from the conference line
    catalog = {}, -- extra catalogue files
    rules = vim.empty_dict(), -- e.g. { ['uncatalogued-citation'] = 'off' }
    debounceMs = 200,
  },
  detect = true, -- also check text/markdown buffers that look like proposals
}

local filetypes = { 'itu-proposal', 'text', 'markdown' }

local function has(version)
  return vim.fn.has('nvim-' .. version) == 1
end

local function version_string()
  local v = vim.version and vim.version()
  return v and ('%d.%d.%d'):format(v.major, v.minor, v.patch) or 'unknown'
end

-- What a set-up needs; false (after one clear message) when this Neovim is older.
local function needs(version, what)
  if has(version) then
    return true
  end
  vim.notify(
    ('proplint: %s needs Neovim %s or newer; this is Neovim %s.%s'):format(
      what,
      version,
      version_string(),
      version == '0.7' and '' or " Use require('proplint').setup() (Neovim 0.7+) instead."
    ),
    vim.log.levels.ERROR
  )
  return false
end

--- Filetype `itu-proposal` for the dedicated extensions.
function M.filetype()
  if has('0.8') then
    vim.filetype.add({
      extension = { itup = 'itu-proposal' },
      pattern = {
        ['.*%.proposal%.txt'] = 'itu-proposal',
        ['.*%.proposal%.md'] = 'itu-proposal',
      },
    })
    return
  end
  -- Neovim 0.7 reads vim.filetype.add only with g:do_filetype_lua: an autocommand instead,
  -- which wins over filetype.vim's `*.txt` -> text whichever runs first (setf keeps a set type).
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
    group = vim.api.nvim_create_augroup('proplint_filetype', { clear = true }),
    pattern = { '*.itup', '*.proposal.txt', '*.proposal.md' },
    callback = function(args)
      vim.bo[args.buf].filetype = 'itu-proposal'
    end,
  })
end

--- The proplint clients attached to a buffer (0: the current one), on any Neovim 0.7+.
function M.clients(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr, name = 'proplint' })
  end
  local list = {}
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'proplint' then
      table.insert(list, client)
    end
  end
  return list
end

-- Lua patterns for the three kinds of line that make a document a proposal (see
-- editors/vscode/src/detect.ts for the reference implementation and its tests).
local function normalize(line)
  line = line:gsub('\194\160', ' ') -- no-break space
  line = line:gsub('%[bookmark:[^%]]*%]', '') -- Word anchors
  line = line:gsub('%[([^%]]*)%]%([^)]*%)', '%1') -- [Dubai, 2014](#)
  line = line:gsub('^%s+', ''):gsub('%s+$', '')
  line = line:gsub('^>%s*', ''):gsub('^#+%s+', ''):gsub('^[-*+]%s+', '')
  line = line:gsub('[*_]', '')
  return line
end

local function is_action(s)
  local a = s:match('^%(?(%u%u%u)%)?[ \t]+%u+/%d+A?%d*/%d+')
  return a == 'MOD' or a == 'ADD' or a == 'SUP' or a == 'NOC'
end

local headings = { 'RESOLUTION', 'RÉSOLUTION', 'RESOLUCIÓN' }
local new_headings = { 'DRAFT NEW RESOLUTION', 'PROJET DE NOUVELLE RÉSOLUTION', 'PROYECTO DE NUEVA RESOLUCIÓN' }

local function is_heading(s, raw)
  for _, h in ipairs(new_headings) do
    if s:sub(1, #h) == h and s:match('%[[^%]]+%]%s*$') then
      return true
    end
  end
  local markdown_heading = raw:match('^%s*#+%s') ~= nil
  for _, h in ipairs(headings) do
    local word = s:sub(1, #h)
    if (word == h or (markdown_heading and word:upper() == h:upper()))
      and s:sub(#h + 1):match('^%s+%d+[%d/]*%s*%b()%s*$')
    then
      return true
    end
  end
  return false
end

local function is_conference(s)
  local lead = s:match('^(%a+)%s')
  if lead ~= 'The' and lead ~= 'La' and lead ~= 'El' then
    return false
  end
  local body = s:match('^.-%(([^()]*%d%d%d%d[^()]*)%),%s*$')
  return body ~= nil
    and (s:find('Conference', 1, true) or s:find('Conférence', 1, true) or s:find('Conferencia', 1, true)
      or s:find('Assembly', 1, true) or s:find('Assemblée', 1, true) or s:find('Asamblea', 1, true)) ~= nil
end

--- True when one of `lines` (a list of strings) is an action line, a heading or a conference
--- line. Pure Lua: tested with `luajit editors/neovim/test_detect.lua`.
function M.is_proposal_lines(lines)
  for i, raw in ipairs(lines) do
    if i > 400 then
      break
    end
    if #raw <= 1000 and raw:find('%S') then
      local s = normalize(raw:gsub('\r$', ''))
      if is_action(s) or is_heading(s, raw) or is_conference(s) then
        return true
      end
    end
  end
  return false
end

--- True when the buffer's first 400 lines look like a proposal.
function M.looks_like_proposal(bufnr)
  return M.is_proposal_lines(vim.api.nvim_buf_get_lines(bufnr or 0, 0, 400, false))
end

local function should_attach(bufnr, opts)
  local ft = vim.bo[bufnr].filetype
  if ft == 'itu-proposal' then
    return true
  end
  return opts.detect and (ft == 'text' or ft == 'markdown') and vim.bo[bufnr].buftype == ''
    and M.looks_like_proposal(bufnr)
end

local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = vim.fn.fnamemodify(name, ':p:h')
  -- the nearest folder upward with a .git or a proplint.toml (vim.fs is 0.8+; this is 0.7 too)
  local best
  for _, marker in ipairs({ '.git', 'proplint.toml', '.proplint.toml' }) do
    local found = vim.fn.finddir(marker, dir .. ';')
    if found == '' then
      found = vim.fn.findfile(marker, dir .. ';')
    end
    if found ~= '' then
      local root = vim.fn.fnamemodify(found, ':p:h')
      if marker == '.git' then
        root = vim.fn.fnamemodify(found, ':p'):gsub('/$', ''):gsub('/%.git$', '')
      end
      if best == nil or #root > #best then
        best = root
      end
    end
  end
  return best or dir
end

-- vim.lsp.start (0.8+) reuses a client of the same name and root; on 0.7 the same by hand.
local function start(config, bufnr)
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  for _, client in pairs(vim.lsp.get_active_clients()) do
    if client.name == config.name and client.config.root_dir == config.root_dir and not client.is_stopped() then
      vim.lsp.buf_attach_client(bufnr, client.id)
      return client.id
    end
  end
  local id = vim.lsp.start_client(config)
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- Plain vim.lsp.start on every buffer that should be checked. No plugin needed.
local function options(opts)
  opts = vim.tbl_deep_extend('force', M.defaults, opts or {})
  if opts.target then
    opts.settings.target = opts.target
  end
  return opts
end

function M.setup(opts)
  if not needs('0.7', "require('proplint').setup()") then
    return
  end
  opts = options(opts)
  M.filetype()
  vim.api.nvim_create_autocmd('FileType', {
    group = vim.api.nvim_create_augroup('proplint', { clear = true }),
    pattern = filetypes,
    callback = function(args)
      if not should_attach(args.buf, opts) then
        return
      end
      start({
        name = 'proplint',
        cmd = opts.cmd,
        root_dir = root_dir(args.buf),
        settings = { proplint = opts.settings },
        init_options = opts.settings,
      }, args.buf)
    end,
  })
end

--- The same through nvim-lspconfig (a custom server definition). The lspconfig filetypes
--- include text and markdown, so root_dir returns nil (= do not attach) for buffers that are
--- not proposals.
function M.setup_lspconfig(opts)
  if not needs('0.7', "require('proplint').setup_lspconfig()") then
    return
  end
  opts = options(opts)
  M.filetype()
  local configs = require('lspconfig.configs')
  if not configs.proplint then
    configs.proplint = {
      default_config = {
        cmd = opts.cmd,
        filetypes = filetypes,
        root_dir = function(fname, bufnr)
          bufnr = bufnr or vim.fn.bufnr(fname)
          if bufnr > 0 and should_attach(bufnr, opts) then
            return root_dir(bufnr)
          end
          return nil
        end,
        single_file_support = false,
        settings = { proplint = opts.settings },
        init_options = opts.settings,
      },
      docs = { description = 'proplint: linter for ITU conference proposals (proplint lsp)' },
    }
  end
  require('lspconfig').proplint.setup({})
end

--- Neovim 0.11+: vim.lsp.config / vim.lsp.enable (also what nvim-lspconfig 2.x builds on).
--- root_dir calls on_dir only for buffers that should be checked.
function M.setup_native(opts)
  if not needs('0.11', "require('proplint').setup_native() (vim.lsp.config)") then
    return
  end
  opts = options(opts)
  M.filetype()
  vim.lsp.config('proplint', {
    cmd = opts.cmd,
    filetypes = filetypes,
    root_dir = function(bufnr, on_dir)
      if should_attach(bufnr, opts) then
        on_dir(root_dir(bufnr))
      end
    end,
    settings = { proplint = opts.settings },
    init_options = opts.settings,
  })
  vim.lsp.enable('proplint')
end

return M
