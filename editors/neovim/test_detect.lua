-- Tests the proposal detection of proplint.lua without Neovim:
--   luajit editors/neovim/test_detect.lua      (or: nvim -l editors/neovim/test_detect.lua)
-- Uses the same fixtures as the VS Code extension's detect.test.ts.
local here = (arg and arg[0] or ''):match('^(.*)/[^/]*$') or '.'
package.path = here .. '/?.lua;' .. package.path
vim = vim or { empty_dict = function() return {} end } -- enough of the Neovim API to load the module
local proplint = require('proplint')

local failed, passed = 0, 0
local function check(name, got, want)
  if got == want then
    passed = passed + 1
  else
    failed = failed + 1
    print(('FAIL %s: got %s, want %s'):format(name, tostring(got), tostring(want)))
  end
end
local function lines(text)
  local t = {}
  for l in (text .. '\n'):gmatch('(.-)\n') do t[#t + 1] = l end
  return t
end
local function file(name)
  local f = assert(io.open(here .. '/../vscode/test/fixtures/' .. name, 'rb'))
  local t = f:read('*a'); f:close(); return lines(t)
end
local is = proplint.is_proposal_lines

for _, l in ipairs({ 'MOD\tECP/24A6/1', ' MOD\tECP/24A6/1', 'ADD  B/67/3', '(MOD)\tUSA/22/4', 'SUP\tACP/64A1/2', '**MOD**\t**AFCP/3/1**' }) do
  check('action ' .. l, is({ 'cover', l }), true)
end
for _, l in ipairs({
  'RESOLUTION 45 (Rev. Dubai, 2014)', 'RÉSOLUTION 45 (RÉV. DUBAÏ, 2014)', 'RESOLUCIÓN 45 (Rev. Dubái, 2014)',
  '[bookmark: _Toc394060844]RÉSOLUTION 45 (RÉV.DUBAÏ, 2014BUENOS AIRES, 2017)', '## RESOLUTION 45 (Rév. [Dubai, 2014](#))',
  '# Resolution 140 (Rev. Busan, 2014)', 'RESOLUTION 155 (Rev.WRC-19)', 'DRAFT NEW RESOLUTION [ACP-1]',
  'PROJET DE NOUVELLE RÉSOLUTION [B-1]', 'PROYECTO DE NUEVA RESOLUCIÓN [IAP-1]',
}) do
  check('heading ' .. l, is({ 'intro', l }), true)
end
for _, l in ipairs({
  'The World Telecommunication Development Conference (Buenos Aires, 2017),',
  "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Dubaï, 2018),",
  'La Conferencia Mundial de Desarrollo de las Telecomunicaciones (Kigali, 2022),',
  'La Conférence mondiale de développement des télécommunications ([Dubai, 2014](#)),',
}) do
  check('conference ' .. l, is({ l }), true)
end
check('prose', is(lines([[
# Meeting notes
We discussed Resolution 45 (Rev. Dubai, 2014) and what to MOD in it.
- Resolution 140 (Rev. Busan, 2014)
The Plenipotentiary Conference (Busan, 2014) revised it.
MOD the config file, then ADD it to git.
The World Telecommunication Development Conference (Buenos Aires, 2017) was held in October.]])), false)
check('empty', is({}), false)
check('CRLF', is({ 'cover\r', 'MOD\tB/67/3\r' }), true)
local far = {}
for i = 1, 500 do far[i] = 'filler' end
far[501] = 'MOD\tECP/24A6/1'
check('beyond 400 lines', is(far), false)
check('fixture fr-word-export.txt', is(file('fr-word-export.txt')), true)
check('fixture fr-pdf-export.md', is(file('fr-pdf-export.md')), true)
check('fixture fr-resolution-body.txt', is(file('fr-resolution-body.txt')), true)
check('fixture fr-report.txt', is(file('fr-report.txt')), false)
check('fixture readme.md', is(file('readme.md')), false)

print(('%d passed, %d failed'):format(passed, failed))
os.exit(failed == 0 and 0 or 1)
