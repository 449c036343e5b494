-- End-to-end test of proplint.lua in a real Neovim, headless:
--
--   PROPLINT_BIN=/path/to/proplint nvim --headless -u NONE -l editors/neovim/test_lsp.lua [setup|native]
--   nvim --headless -u NONE -l editors/neovim/test_lsp.lua        # test-double server (needs node)
--   # Neovim 0.7 / 0.8 (no -l): the mode from the environment
--   PROPLINT_NVIM_MODE=setup nvim --headless -u NONE -c 'luafile editors/neovim/test_lsp.lua'
--
-- `native` on a Neovim older than 0.11 checks that setup_native() says what it needs, in one
-- message, instead of failing with a traceback.
--
-- Opens the VS Code e2e fixtures: the proposal must get the stale-revision and clause-sequence
-- diagnostics and a quick fix; detected.txt (plain text that looks like a proposal) must get a
-- client; notes.txt (plain text that does not) must not.
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
package.path = here .. '/?.lua;' .. package.path
local mode = (arg and arg[1]) or os.getenv('PROPLINT_NVIM_MODE') or 'setup'
local fixtures = here .. '/../vscode/e2e/fixtures/'
local bin = os.getenv('PROPLINT_BIN')
local cmd = bin and { bin, 'lsp' } or { 'node', here .. '/../vscode/e2e/fake-server.mjs', 'lsp' }

local failures = {}
local function check(name, ok, detail)
  print(('%s %s%s'):format(ok and 'ok  ' or 'FAIL', name, detail and (': ' .. detail) or ''))
  if not ok then table.insert(failures, name) end
end

-- work on copies: a fix must not touch the fixtures
local tmp = vim.fn.tempname()
vim.fn.mkdir(tmp, 'p')
for _, f in ipairs({ 'usa-res45.proposal.txt', 'detected.txt', 'notes.txt' }) do
  vim.fn.writefile(vim.fn.readfile(fixtures .. f, 'b'), tmp .. '/' .. f, 'b')
end

local proplint = require('proplint')
if mode == 'native' and vim.fn.has('nvim-0.11') == 0 then
  local messages = {}
  local notify = vim.notify
  vim.notify = function(msg, level) table.insert(messages, { msg = msg, level = level }) end
  local ok, err = pcall(proplint.setup_native, { cmd = cmd })
  vim.notify = notify
  local said = messages[1] and messages[1].msg or ''
  check('setup_native on an older Neovim: no error', ok, tostring(err))
  check('setup_native on an older Neovim: one message naming 0.11 and setup()', #messages == 1
    and messages[1].level == vim.log.levels.ERROR and said:find('0.11', 1, true) ~= nil
    and said:find("require('proplint').setup()", 1, true) ~= nil, said)
  print(('%d failed (%s on %s, %s)'):format(#failures, mode, tostring(vim.version and vim.version().minor), bin or 'test double'))
  os.exit(#failures == 0 and 0 or 1)
end
if mode == 'native' then
  proplint.setup_native({ cmd = cmd })
else
  proplint.setup({ cmd = cmd })
end
vim.cmd('filetype on')

local clients = proplint.clients

vim.cmd('edit ' .. tmp .. '/usa-res45.proposal.txt')
local buf = vim.api.nvim_get_current_buf()
check('filetype of *.proposal.txt', vim.bo[buf].filetype == 'itu-proposal', vim.bo[buf].filetype)
local got = vim.wait(15000, function() return #vim.diagnostic.get(buf) >= 2 end, 100)
local codes = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(codes, ('%s@%d'):format(tostring(d.code), d.lnum + 1)) end
table.sort(codes)
check('diagnostics on the proposal', got and vim.tbl_contains(codes, 'clause-sequence@12') and vim.tbl_contains(codes, 'stale-revision@10'),
  table.concat(codes, ' '))

local client = clients(buf)[1]
if client then
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 9, character = 3 }, ['end'] = { line = 9, character = 3 } },
    context = { diagnostics = {}, only = { 'quickfix' } },
  }
  -- client:request_sync (0.11+) or client.request_sync (0.7 to 0.10)
  local function request(method, p)
    if vim.fn.has('nvim-0.11') == 1 then return client:request_sync(method, p, 5000, buf) end
    return client.request_sync(method, p, 5000, buf)
  end
  local result = request('textDocument/codeAction', params)
  local titles = {}
  for _, a in ipairs(result and result.result or {}) do table.insert(titles, a.title) end
  check('quick fix offered on line 10', #titles > 0 and table.concat(titles, '|'):find('Busan') ~= nil, table.concat(titles, ' | '))
  local hover = request('textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 9, character = 5 },
  })
  local value = hover and hover.result and hover.result.contents and (hover.result.contents.value or vim.inspect(hover.result.contents)) or ''
  check('hover on the citation', value:find('140') ~= nil, value:gsub('\n', ' '):sub(1, 80))
else
  check('client attached to the proposal', false)
end

vim.cmd('edit ' .. tmp .. '/detected.txt')
local detected = vim.api.nvim_get_current_buf()
check('detected.txt attached', vim.wait(10000, function() return #clients(detected) > 0 end, 100), vim.bo[detected].filetype)

vim.cmd('edit ' .. tmp .. '/notes.txt')
local notes = vim.api.nvim_get_current_buf()
vim.wait(1500)
check('notes.txt not attached', #clients(notes) == 0 and #vim.diagnostic.get(notes) == 0)

local v = vim.version()
print(('%d failed (%s, Neovim %d.%d.%d, %s)'):format(#failures, mode, v.major, v.minor, v.patch, bin or 'test double'))
vim.lsp.stop_client((vim.lsp.get_clients or vim.lsp.get_active_clients)(), true)
vim.fn.delete(tmp, 'rf')
os.exit(#failures == 0 and 0 or 1)
