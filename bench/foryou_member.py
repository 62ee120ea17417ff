"""The member of bench/foryou-page.sh, over HTTP as a browser would, and its sequential timings.

    foryou_member.py member BASE SERVER_LOG DATA LAST_DAY SAVES UPVOTES NOT_INTERESTED FOLLOWS SEED
        signs in with the link the server writes to its log (no mail server is set), then saves,
        upvotes, marks as not interesting and follows through the JSON API; prints the session
        cookie's value. The papers are drawn (seeded) from those listed before the measured week.
    foryou_member.py sequential BASE COOKIE PATH COUNT WARMUP SERVER_PID
        WARMUP requests, then COUNT timed one after the other on one keep-alive connection; prints
        "p50 p90 p99 mean bytes cpu" (milliseconds; cpu: the server's CPU per request).
    foryou_member.py feed BASE COOKIE PATH
        the reasons of an API answer, counted by kind, on one line.
"""
import datetime
import glob
import html
import http.client
import http.cookiejar
import json
import os
import random
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

CSRF_FIELD = re.compile(r'name="_csrf" value="([^"]+)"')
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')
HIDDEN = re.compile(r'name="(token|continue|username|displayName)" value="([^"]*)"')


class Browser:
    """A cookie jar and redirects followed, as a browser has."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(self.base + path) as response:
            return response.read().decode()

    def post(self, path, fields=None, headers=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else b""
        request = urllib.request.Request(self.base + path, data=data, method="POST", headers=headers or {})
        request.add_header("Referer", self.base + "/papers")
        with self.opener.open(request) as response:
            return response.read().decode()

    def cookie(self, name):
        for cookie in self.jar:
            if cookie.name == name:
                return cookie.value
        raise SystemExit("No %s cookie: the sign-in did not work" % name)


def papers_before(data, last_day, days):
    """The ids of papers listed before the measured window, with their authors, in file order."""
    first = datetime.date.fromisoformat(last_day) - datetime.timedelta(days=days - 1)
    papers = {}
    for path in sorted(glob.glob(os.path.join(data, "*.json"))):
        if datetime.date.fromisoformat(os.path.basename(path)[:-5]) >= first:
            continue
        for entry in json.load(open(path, "rb")):
            paper = entry["paper"]
            papers[paper["id"]] = [author["name"] for author in paper.get("authors", []) if author.get("name")]
    return papers


def sign_in(browser, log, address):
    page = browser.get("/signin")
    browser.post("/signin/link", {"_csrf": CSRF_FIELD.search(page).group(1), "username": address, "continue": "/papers"})
    link = None
    for _ in range(100):
        found = re.findall(r"the sign-in link for " + re.escape(address) + r" .* is (\S+)", open(log, encoding="utf-8").read())
        if found:
            link = found[-1]
            break
        time.sleep(0.1)
    if link is None:
        raise SystemExit("No sign-in link for %s in %s" % (address, log))
    parsed = urllib.parse.urlsplit(link)
    page = browser.get(parsed.path + "?" + parsed.query)
    fields = {name: html.unescape(value) for name, value in HIDDEN.findall(page)}
    fields["_csrf"] = CSRF_FIELD.search(page).group(1)
    page = browser.post("/signin/token", fields)
    if 'action="/welcome"' in page:
        fields = {name: html.unescape(value) for name, value in HIDDEN.findall(page)}
        fields.update({"_csrf": CSRF_FIELD.search(page).group(1), "username": "reader", "displayName": "Bench Reader"})
        browser.post("/welcome", fields)


def member(base, log, data, last_day, saves, upvotes, not_interested, follows, seed):
    browser = Browser(base)
    sign_in(browser, log, "reader@bench.example.org")
    token = CSRF_META.search(browser.get("/papers/trending")).group(1)
    headers = {"X-CSRF-TOKEN": token, "Accept": "application/json"}
    papers = papers_before(data, last_day, 7)
    ids = sorted(papers)
    rng = random.Random(seed)
    chosen = rng.sample(ids, saves + upvotes + not_interested)
    for paper in chosen[:saves]:
        browser.post("/api/papers/%s/save" % paper, headers=headers)
    for paper in chosen[saves:saves + upvotes]:
        browser.post("/api/papers/%s/upvote" % paper, headers=headers)
    for paper in chosen[saves + upvotes:]:
        browser.post("/api/papers/%s/not-interested" % paper, headers=headers)
    # the authors the member saved most often: who a reader of these papers would follow
    counts = {}
    for paper in chosen[:saves + upvotes]:
        for name in papers[paper]:
            if "/" not in name:
                counts[name] = counts.get(name, 0) + 1
    followed = sorted(counts, key=lambda name: (-counts[name], name))[:follows]
    for name in followed:
        browser.post("/api/authors/%s/follow" % urllib.parse.quote(name, safe=""), headers=headers)
    print(browser.cookie("PAPERBOY_SESSION"))
    print("member: %d saves, %d upvotes, %d not interested, %d follows (%s)" % (saves, upvotes, not_interested,
          len(followed), ", ".join(followed)), file=sys.stderr)


def cpu_ticks(pid):
    with open("/proc/%s/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def percentile(sorted_values, share):
    """Nearest rank."""
    rank = max(1, int(-(-share * len(sorted_values) // 1)))
    return sorted_values[rank - 1]


def sequential(base, cookie, path, count, warmup, server_pid):
    address = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port)
    headers = {"Cookie": "PAPERBOY_SESSION=" + cookie}

    def one():
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit("GET %s answered %d:\n%s" % (path, response.status, body[:2000].decode(errors="replace")))
        return len(body)

    for _ in range(warmup):
        one()
    timings = []
    before = cpu_ticks(server_pid)
    for _ in range(count):
        start = time.perf_counter()
        size = one()
        timings.append((time.perf_counter() - start) * 1000)
    after = cpu_ticks(server_pid)
    timings.sort()
    cpu = (after - before) * 1000 / os.sysconf("SC_CLK_TCK") / count
    print("%.1f %.1f %.1f %.1f %d %.1f" % (percentile(timings, 0.5), percentile(timings, 0.9), percentile(timings, 0.99),
          sum(timings) / count, size, cpu))


def feed(base, cookie, path):
    request = urllib.request.Request(base + path, headers={"Cookie": "PAPERBOY_SESSION=" + cookie})
    with urllib.request.urlopen(request) as response:
        items = json.load(response)
    kinds = {}
    for item in items:
        reason = item["reason"]
        kind = ("followed author" if reason.startswith("By ") else "ranked" if reason.startswith("Because you ")
                else reason)
        kinds[kind] = kinds.get(kind, 0) + 1
    print("%d papers (%s)" % (len(items), ", ".join("%s: %d" % kind for kind in sorted(kinds.items()))))


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "member":
        base, log, data, last_day = arguments[:4]
        member(base, log, data, last_day, *(int(value) for value in arguments[4:9]))
    elif command == "sequential":
        base, cookie, path = arguments[:3]
        sequential(base, cookie, path, int(arguments[3]), int(arguments[4]), arguments[5])
    elif command == "feed":
        feed(*arguments)
    else:
        raise SystemExit(__doc__)
