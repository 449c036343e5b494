-- Real-client test of `proplint lsp` with Neovim's built-in LSP client.
--
-- Run headless by tests/lsp_neovim.rs:
--   nvim --headless --clean -u tests/nvim/init.lua
-- with the environment:
--   PROPLINT_LSP      the server command (a binary path; it is started without arguments
--                     unless PROPLINT_LSP_ARG is set, e.g. "lsp" for `proplint lsp`)
--   PROPLINT_FIXTURE  the proposal to open
--   PROPLINT_EXPECT   how many diagnostics to wait for
--   PROPLINT_OUT      where to write the result (JSON)
--
-- It opens the fixture, attaches the server, waits for the diagnostics Neovim holds
-- (vim.diagnostic.get), applies the preferred quick fix of the first stale-revision
-- diagnostic through Neovim (textDocument/codeAction, then
-- vim.lsp.util.apply_workspace_edit), waits for the diagnostics of the edited buffer,
-- and writes everything to PROPLINT_OUT for the Rust test to check. Works with
-- Neovim 0.7 (Debian 12) and later.

local server = assert(os.getenv('PROPLINT_LSP'), 'PROPLINT_LSP')
local server_arg = os.getenv('PROPLINT_LSP_ARG')
local fixture = assert(os.getenv('PROPLINT_FIXTURE'), 'PROPLINT_FIXTURE')
local expect = tonumber((assert(os.getenv('PROPLINT_EXPECT'), 'PROPLINT_EXPECT')))
local out = assert(os.getenv('PROPLINT_OUT'), 'PROPLINT_OUT')

local result = { steps = {} }

local function step(name)
  table.insert(result.steps, name)
end

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qall!')
end

local function simple(diagnostics)
  local list = {}
  for _, d in ipairs(diagnostics) do
    table.insert(list, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
    })
  end
  table.sort(list, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return a.code < b.code
  end)
  return list
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(fixture))
  local bufnr = vim.api.nvim_get_current_buf()
  local cmd = { server }
  if server_arg and server_arg ~= '' then
    table.insert(cmd, server_arg)
  end
  local client_id = vim.lsp.start_client({
    name = 'proplint',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(fixture, ':p:h'),
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('attached')

  local ok = vim.wait(30000, function()
    return #vim.diagnostic.get(bufnr) >= expect
  end, 20)
  result.diagnostics = simple(vim.diagnostic.get(bufnr))
  if not ok then
    result.error = 'timed out waiting for ' .. expect .. ' diagnostics'
    return
  end
  step('diagnostics')
  local client = vim.lsp.get_client_by_id(client_id)
  result.offset_encoding = client.offset_encoding

  -- The first stale-revision diagnostic: ask for its code actions at its start.
  local target
  for _, d in ipairs(result.diagnostics) do
    if d.code == 'stale-revision' then
      target = d
      break
    end
  end
  if not target then
    result.error = 'no stale-revision diagnostic'
    return
  end
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = { diagnostics = {} }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  local action
  for _, response in pairs(responses or {}) do
    for _, a in ipairs(response.result or {}) do
      if a.kind == 'quickfix' and a.isPreferred and not action then
        action = a
      end
    end
  end
  if not action then
    result.error = 'no preferred quick fix'
    return
  end
  result.action_title = action.title
  local changedtick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  result.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  step('applied')

  -- The edit goes to the server as an incremental didChange; wait for one diagnostic
  -- fewer.
  ok = vim.wait(30000, function()
    return vim.api.nvim_buf_get_changedtick(bufnr) > changedtick
      and #vim.diagnostic.get(bufnr) == expect - 1
  end, 20)
  result.diagnostics_after = simple(vim.diagnostic.get(bufnr))
  if not ok then
    result.error = 'the diagnostics did not follow the edit'
    return
  end
  step('updated')

  vim.lsp.stop_client(client_id)
  ok = vim.wait(10000, function()
    return vim.lsp.get_client_by_id(client_id) == nil
  end, 20)
  result.stopped = ok
  step('stopped')
end

local ok, err = pcall(run)
if not ok then
  result.error = tostring(err)
end
finish()
