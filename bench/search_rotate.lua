-- wrk script for bench/search.sh http: each request asks the next query of QUERIES (a file, one
-- query a line) at PATH?q=<query>&<EXTRA>, so the server sees a rotating, realistic set rather
-- than one query answered from warm caches. Each wrk thread starts at its own place in the list.
-- With FIRST and LAST set (bench/search.sh http's ONCE), only lines FIRST to LAST are asked, each
-- once, in order, none twice: run it with one wrk thread (-t1); the thread stops at the first
-- answer after the last query is sent, even before the run's duration (the answers still on their
-- way then are not counted).
-- Environment: QUERIES, SEARCH_PATH (/api/papers/search), SEARCH_EXTRA (such as mode=text), FIRST, LAST.

local queries = {}
local index = 0
local first = tonumber(os.getenv("FIRST") or "")
local last = tonumber(os.getenv("LAST") or "")
local once = first ~= nil and last ~= nil

local function encode(text)
	return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local counter = 0
function setup(thread)
	thread:set("id", counter)
	counter = counter + 1
end

function init(args)
	local path = os.getenv("SEARCH_PATH") or "/api/papers/search"
	local extra = os.getenv("SEARCH_EXTRA") or ""
	local number = 0
	for line in io.lines(os.getenv("QUERIES")) do
		number = number + 1
		if line ~= "" and (not once or (number >= first and number <= last)) then
			local url = path .. "?q=" .. encode(line)
			if extra ~= "" then url = url .. "&" .. extra end
			queries[#queries + 1] = url
		end
	end
	index = once and 0 or ((id or 0) * 97) % #queries
end

function request()
	if once then
		index = index + 1
		return wrk.format("GET", queries[math.min(index, #queries)])
	end
	index = index % #queries + 1
	return wrk.format("GET", queries[index])
end

if once then
	function response(status, headers, body)
		if index >= #queries then wrk.thread:stop() end
	end
end
