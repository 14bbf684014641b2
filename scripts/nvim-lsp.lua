-- Neovim (0.7+) as a second real LSP client of the draftlint language server, for the headless test
-- (test/lsp/nvim.test.ts) and for trying the server by hand:
--
--   DRAFTLINT_SERVER=dist/server.js DRAFTLINT_OUT=/tmp/out.json nvim --headless --clean -u scripts/nvim-lsp.lua FILE
--
-- Starts `node dist/server.js --stdio` (vim.lsp.start_client + buf_attach_client: Neovim 0.7 has no
-- vim.lsp.start), waits for the diagnostics of FILE, asks for a hover and a completion where
-- DRAFTLINT_HOVER / DRAFTLINT_COMPLETE say ("line:character", 0-based, UTF-16), writes everything as JSON to
-- DRAFTLINT_OUT and quits (exit code 1 when nothing came).

local env = vim.env
local server = env.DRAFTLINT_SERVER or 'dist/server.js'
local node = env.DRAFTLINT_NODE or 'node'
local out_path = env.DRAFTLINT_OUT
local timeout = tonumber(env.DRAFTLINT_TIMEOUT or '15000')

local function parse_pos(s)
  if not s or s == '' then return nil end
  local l, c = s:match('^(%d+):(%d+)$')
  if not l then return nil end
  return { line = tonumber(l), character = tonumber(c) }
end

local function finish(result, code)
  local text = vim.fn.json_encode(result)
  if out_path and out_path ~= '' then
    local f = io.open(out_path, 'w')
    if f then
      f:write(text)
      f:close()
    end
  else
    io.stdout:write(text .. '\n')
  end
  if code == 0 then vim.cmd('qa!') else vim.cmd('cq!') end
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local fname = vim.api.nvim_buf_get_name(bufnr)
  if fname:match('%.md$') then vim.bo[bufnr].filetype = 'markdown' end
  local root = env.DRAFTLINT_ROOT or vim.fn.fnamemodify(fname, ':p:h')
  local result = { diagnostics = {}, errors = {} }

  local client_id = vim.lsp.start_client({
    name = 'draftlint',
    cmd = { node, server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'root' } },
    settings = { draftlint = { language = env.DRAFTLINT_LANGUAGE or 'vi' } },
    on_error = function(code, err)
      table.insert(result.errors, tostring(code) .. ': ' .. vim.inspect(err))
    end,
  })
  if not client_id then
    table.insert(result.errors, 'start_client failed')
    return finish(result, 1)
  end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local ok = vim.wait(timeout, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 50)
  if not ok then table.insert(result.errors, 'no diagnostics within ' .. timeout .. ' ms') end

  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(result.diagnostics, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = d.code or lsp.code,
      range = lsp.range,
    })
  end

  local uri = vim.uri_from_bufnr(bufnr)
  local hover_pos = parse_pos(env.DRAFTLINT_HOVER)
  if hover_pos then
    local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = hover_pos }, 5000)
    for _, r in pairs(res or {}) do
      if r.result and r.result.contents then result.hover = r.result.contents.value or r.result.contents end
      if r.err then table.insert(result.errors, vim.inspect(r.err)) end
    end
  end
  local complete_pos = parse_pos(env.DRAFTLINT_COMPLETE)
  if complete_pos then
    local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', { textDocument = { uri = uri }, position = complete_pos }, 5000)
    result.completion = {}
    for _, r in pairs(res or {}) do
      local items = r.result and (r.result.items or r.result) or {}
      for _, it in ipairs(items) do table.insert(result.completion, it.label) end
    end
  end

  vim.lsp.stop_client(client_id)
  finish(result, (ok and #result.errors == 0) and 0 or 1)
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then finish({ errors = { tostring(err) } }, 1) end
  end,
})
