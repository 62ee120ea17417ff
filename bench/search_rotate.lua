-- wrk script for bench/search.sh http: each request asks the next query of QUERIES (a file, one
-- query a line) at PATH?q=<query>&<EXTRA>, so the server sees a rotating, realistic set rather
-- than one query answered from warm caches. Each wrk thread starts at its own place in the list.
-- Environment: QUERIES, SEARCH_PATH (/api/papers/search), SEARCH_EXTRA (such as mode=text).

local queries = {}
local index = 0

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
	for line in io.lines(os.getenv("QUERIES")) do
		if line ~= "" then
			local url = path .. "?q=" .. encode(line)
			if extra ~= "" then url = url .. "&" .. extra end
			queries[#queries + 1] = url
		end
	end
	index = ((id or 0) * 97) % #queries
end

function request()
	index = index % #queries + 1
	return wrk.format("GET", queries[index])
end
