-- Drives the standalone language server from headless Neovim (0.7+: vim.lsp.start_client,
-- vim.diagnostic) and writes what Neovim received to a JSON file for test/nvim/run.mjs to
-- assert on. Every wait is bounded.
--
-- The server is the one the README's Neovim config starts (run.mjs loads that config as the
-- init file: `openai-model-lint-server --stdio` from PATH, attached by its FileType
-- autocmd); this script only finds the client, adds the test's as-of date to the settings
-- the config gave it, opens the fixtures and records what arrives.
--
-- Env: OAML_WORKSPACE (folder with app.py, azure.ts), OAML_NVIM_OUT (JSON output),
--      OAML_WAIT_MS (per wait, default 20000).

local workspace = assert(os.getenv('OAML_WORKSPACE'), 'OAML_WORKSPACE not set')
local out_file = assert(os.getenv('OAML_NVIM_OUT'), 'OAML_NVIM_OUT not set')
local wait_ms = tonumber(os.getenv('OAML_WAIT_MS') or '20000')
local CLIENT_NAME = 'openai-model-lint'

local out = { nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch), files = {}, errors = {}, timings = {} }

local function now_ms()
  return vim.loop.hrtime() / 1e6
end

local function write_out()
  local f = assert(io.open(out_file, 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
end

local function fail(msg)
  table.insert(out.errors, msg)
end

local t_start = now_ms()
-- the config started the client; Neovim lists it once its initialize has been answered
local client_id = nil
local initialized = vim.wait(wait_ms, function()
  for _, c in ipairs(vim.lsp.get_active_clients()) do
    if c.name == CLIENT_NAME and c.initialized then
      client_id = c.id
    end
  end
  return client_id ~= nil
end, 20)
out.timings.initialize_ms = now_ms() - t_start
if not initialized then
  fail('no initialized ' .. CLIENT_NAME .. ' client within ' .. wait_ms .. ' ms: the init file did not start one')
  write_out()
  vim.cmd('qa!')
end

local function client()
  return vim.lsp.get_client_by_id(client_id)
end

-- The test pins "today" (o1-mini is not retired on 2025-01-15) on top of the config's
-- settings, before any file is opened: the server reads them in order.
do
  local settings = client().config.settings
  out.settings_from_config = vim.deepcopy(settings)
  settings.openaiModelLint = settings.openaiModelLint or {}
  settings.openaiModelLint.asOf = '2025-01-15'
  client().notify('workspace/didChangeConfiguration', { settings = settings })
end

-- Line/character of the first match of `needle` (0-based), plus `offset` characters.
local function position_of(bufnr, needle, offset)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    local s = string.find(line, needle, 1, true)
    if s then
      return { line = i - 1, character = s - 1 + (offset or 0) }
    end
  end
  return nil
end

local function hover_text(result)
  if not result or not result.contents then
    return nil
  end
  local c = result.contents
  if type(c) == 'string' then
    return c
  end
  if c.value then
    return c.value
  end
  local parts = {}
  for _, item in ipairs(c) do
    table.insert(parts, type(item) == 'string' and item or item.value)
  end
  return table.concat(parts, '\n')
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, wait_ms)
  if not responses then
    return nil, err
  end
  local r = responses[client_id]
  if not r then
    return nil, 'no response from our client'
  end
  if r.err then
    return nil, vim.inspect(r.err)
  end
  return r.result, nil
end

local function hover(bufnr, pos)
  local result, err = request(bufnr, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = pos })
  if err then
    return nil, err
  end
  return hover_text(result), nil
end

-- `spec`: { name, codes = {...} that must all arrive, hovers = { {label, needle, offset, until_pattern} }, completion = {needle, offset} }
local function check_file(spec)
  local entry = { name = spec.name, diagnostics = {}, hovers = {} }
  out.files[spec.name] = entry
  local path = workspace .. '/' .. spec.name
  local t_edit = now_ms()
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  entry.filetype = vim.bo[bufnr].filetype
  entry.edit_ms = now_ms() - t_edit
  -- the config's FileType autocmd attached the buffer (didOpen): from here the clock
  -- measures the server, didOpen to diagnostics
  local t0 = now_ms()
  entry.attached = vim.lsp.buf_get_clients(bufnr)[client_id] ~= nil

  local function have_all()
    local ds = vim.diagnostic.get(bufnr)
    for _, code in ipairs(spec.codes) do
      local found = false
      for _, d in ipairs(ds) do
        local lsp = d.user_data and d.user_data.lsp or {}
        if d.code == code or lsp.code == code then
          found = true
        end
      end
      if not found then
        return false
      end
    end
    return true
  end
  if not vim.wait(wait_ms, have_all, 20) then
    fail(spec.name .. ': diagnostics ' .. table.concat(spec.codes, ', ') .. ' did not all arrive within ' .. wait_ms .. ' ms')
  end
  entry.diagnostics_ms = now_ms() - t0
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(entry.diagnostics, {
      code = d.code or lsp.code,
      source = d.source,
      severity = d.severity,
      message = d.message,
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
      tags = lsp.tags or {},
    })
  end

  for _, h in ipairs(spec.hovers or {}) do
    local pos = position_of(bufnr, h.needle, h.offset)
    local rec = { label = h.label, position = pos }
    if not pos then
      fail(spec.name .. ': ' .. h.needle .. ' not in the file')
    else
      local t_h = now_ms()
      local text, err
      -- Token counts may arrive a little after start-up (the tokenizer loads in the
      -- background and the hover says so meanwhile): poll until the pattern shows.
      vim.wait(wait_ms, function()
        text, err = hover(bufnr, pos)
        return text ~= nil and (h.until_pattern == nil or string.find(text, h.until_pattern) ~= nil)
      end, 200)
      rec.ms = now_ms() - t_h
      rec.text = text or vim.NIL
      rec.error = err or vim.NIL
    end
    table.insert(entry.hovers, rec)
  end

  if spec.completion then
    local pos = position_of(bufnr, spec.completion.needle, spec.completion.offset)
    local result, err = request(bufnr, 'textDocument/completion', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = pos })
    local labels = {}
    local items = result and (result.items or result) or {}
    for _, item in ipairs(items) do
      table.insert(labels, item.label)
    end
    entry.completion = { position = pos, labels = labels, error = err or vim.NIL }
  end
end

local ok, err = pcall(function()
  check_file({
    name = 'app.py',
    codes = { 'OAI201', 'OAI202' },
    hovers = {
      { label = 'model', needle = '"o1-mini"', offset = 3 },
      { label = 'messages', needle = 'messages=[', offset = 2, until_pattern = '%d+ tokens' },
    },
  })
  check_file({
    name = 'azure.ts',
    codes = { 'OAI402' },
    hovers = { { label = 'model', needle = "'o1-preview'", offset = 3 } },
  })
  check_file({
    name = 'complete.py',
    codes = {},
    completion = { needle = 'model=""', offset = 7 },
  })
end)
if not ok then
  fail('check.lua: ' .. tostring(err))
end

-- Shut the server down the way Neovim does on exit, and record that it went.
vim.lsp.stop_client(client_id)
out.server_stopped = vim.wait(5000, function()
  return vim.lsp.client_is_stopped(client_id)
end, 50)
if not out.server_stopped then
  vim.lsp.stop_client(client_id, true)
end
out.timings.total_ms = now_ms() - t_start
write_out()
vim.cmd('qa!')
