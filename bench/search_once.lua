-- wrk script for bench/search.sh http with ONCE set: every query of QUERIES (a file, one query a
-- line) from line FIRST to line LAST is asked once, in order, at PATH?q=<query>&<EXTRA>; none twice,
-- so nothing the server keeps from an earlier search of the same words helps it. Run with one wrk
-- thread (-t1); the thread stops at the first answer after the last query is sent, even before the
-- run's duration (the answers still on their way then are not counted).
-- Environment: QUERIES, FIRST, LAST, SEARCH_PATH (/api/papers/search), SEARCH_EXTRA (such as mode=text).

local queries = {}
local sent = 0

local function encode(text)
	return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
	local path = os.getenv("SEARCH_PATH") or "/api/papers/search"
	local extra = os.getenv("SEARCH_EXTRA") or ""
	local first = tonumber(os.getenv("FIRST"))
	local last = tonumber(os.getenv("LAST"))
	local number = 0
	for line in io.lines(os.getenv("QUERIES")) do
		number = number + 1
		if number >= first and number <= last and line ~= "" then
			local url = path .. "?q=" .. encode(line)
			if extra ~= "" then url = url .. "&" .. extra end
			queries[#queries + 1] = url
		end
	end
end

function request()
	sent = sent + 1
	return wrk.format("GET", queries[math.min(sent, #queries)])
end

function response(status, headers, body)
	if sent >= #queries then wrk.thread:stop() end
end
