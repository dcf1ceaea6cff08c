"""citegraph: find and resolve the citations in United Nations texts.

A thin layer over the C library libcitegraph.so, loaded with ctypes:

    extract(text_or_path)  the records of one text, as dictionaries
    corpus(paths)          the records of files and folders, streamed in order
    graph(paths)           the citation graph as a networkx.DiGraph

Records have the fields of the JSON Lines that `citegraph extract` writes; the
graph has the vertex and edge attributes of its GraphML export.

The library is looked for in $CITEGRAPH_LIB, beside this module, then by the
dynamic loader; the catalogues (refs/) in the `refs` argument,
$CITEGRAPH_REFS, the refs/ folder beside the library, then the installed
default, as the command line does.
"""

import ctypes
import ctypes.util
import json
import logging
import os
import queue
import threading

__all__ = ["extract", "corpus", "graph", "CitegraphError", "version"]

_here = os.path.dirname(os.path.abspath(__file__))
_DEFAULT_REFS = "/usr/local/share/citegraph/refs"
log = logging.getLogger("citegraph")


class CitegraphError(Exception):
    """A failure the library reported: its status and its message."""


# ------------------------------------------------------------ the library

c_char_p, c_size_t, c_int, c_uint, c_long, c_double, c_void_p = (
    ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_uint,
    ctypes.c_long, ctypes.c_double, ctypes.c_void_p)


class _Diag(ctypes.Structure):
    _fields_ = [("file", ctypes.c_char * 512), ("line", ctypes.c_ulong),
                ("column", ctypes.c_ulong), ("message", ctypes.c_char * 512)]


class _Options(ctypes.Structure):
    _fields_ = [("lang", c_char_p), ("unresolved", ctypes.c_int),
                ("self", c_char_p), ("self_source", c_char_p),
                ("source", c_void_p), ("lang_hint", c_char_p)]


class _Vertex(ctypes.Structure):
    _fields_ = [("id", c_char_p), ("label", c_char_p), ("kind", c_char_p),
                ("body", c_char_p), ("date", c_char_p), ("year", c_int),
                ("title", c_char_p), ("url", c_char_p), ("in_corpus", c_int),
                ("citations", c_long), ("mentions", c_long),
                ("pagerank", c_double), ("authority", c_double),
                ("hub", c_double), ("betweenness", c_double),
                ("component", c_long), ("community", c_long)]


class _Edge(ctypes.Structure):
    _fields_ = [("from_", c_size_t), ("to", c_size_t), ("type", c_char_p),
                ("weight", c_long), ("preamble", c_long),
                ("operative", c_long), ("footnote", c_long),
                ("text", c_long), ("paragraphs", c_char_p)]


class _CorpusDoc(ctypes.Structure):
    _fields_ = [("index", c_size_t), ("path", c_char_p), ("name", c_char_p),
                ("format", c_char_p), ("bytes", ctypes.c_ulonglong),
                ("result", c_void_p), ("records", ctypes.POINTER(ctypes.c_char)),
                ("records_len", c_size_t)]


class _CorpusMessage(ctypes.Structure):
    _fields_ = [("severity", c_int), ("file", c_char_p),
                ("line", ctypes.c_ulong), ("column", ctypes.c_ulong),
                ("text", c_char_p)]


_ON_DOCUMENT = ctypes.CFUNCTYPE(c_int, c_void_p, ctypes.POINTER(_CorpusDoc))
_ON_MESSAGE = ctypes.CFUNCTYPE(None, c_void_p, ctypes.POINTER(_CorpusMessage))
_ON_PROGRESS = ctypes.CFUNCTYPE(None, c_void_p, c_size_t, ctypes.c_ulonglong)


class _CorpusOptions(ctypes.Structure):
    _fields_ = [("lang", c_char_p), ("jobs", c_uint), ("input", c_int),
                ("records", c_int), ("results", c_int), ("graph", c_void_p),
                ("on_document", _ON_DOCUMENT), ("on_message", _ON_MESSAGE),
                ("on_progress", _ON_PROGRESS), ("ctx", c_void_p),
                ("cancel", ctypes.POINTER(c_int)), ("unresolved", c_int),
                ("encoding", c_char_p), ("ignore_file_names", c_int),
                ("include", c_void_p), ("ninclude", c_size_t),
                ("exclude", c_void_p), ("nexclude", c_size_t),
                ("max_size", ctypes.c_ulonglong)]


class _CorpusStats(ctypes.Structure):
    _fields_ = [("files", c_size_t), ("documents", c_size_t),
                ("failed", c_size_t), ("bytes", ctypes.c_ulonglong),
                ("cancelled", c_int), ("skipped", c_size_t)]


_INPUTS = {"texts": 0, "records": 1, "auto": 2}
_RECORDS_JSONL = 1


def _find_library():
    env = os.environ.get("CITEGRAPH_LIB")
    if env:
        return env
    beside = os.path.join(_here, "libcitegraph.so")
    if os.path.exists(beside):
        return beside
    return ctypes.util.find_library("citegraph") or "libcitegraph.so"


def _load():
    path = _find_library()
    try:
        lib = ctypes.CDLL(path)
    except OSError as e:
        raise ImportError(
            "citegraph: cannot load %s (%s); set CITEGRAPH_LIB to a "
            "libcitegraph.so built by make" % (path, e)) from None
    P = ctypes.POINTER
    sigs = {
        "cg_strerror": (c_char_p, [c_int]),
        "cg_catalog_load": (c_int, [c_char_p, P(c_void_p), P(_Diag)]),
        "cg_catalog_load_cached": (c_int, [c_char_p, c_char_p, P(c_void_p),
                                           c_void_p, P(_Diag)]),
        "cg_catalog_free": (None, [c_void_p]),
        "cg_extractor_new": (c_void_p, [c_void_p]),
        "cg_extractor_free": (None, [c_void_p]),
        "cg_extract": (c_int, [c_void_p, c_char_p, c_size_t, P(_Options),
                               P(c_void_p), P(_Diag)]),
        "cg_records_string": (P(ctypes.c_char), [c_int, c_char_p, c_char_p,
                                                 c_void_p, P(c_size_t)]),
        "cg_free": (None, [c_void_p]),
        "cg_text_load": (c_int, [c_char_p, c_char_p, c_size_t, c_void_p,
                                 P(c_void_p), P(_Diag)]),
        "cg_text_free": (None, [c_void_p]),
        "cg_text_data": (c_void_p, [c_void_p, P(c_size_t)]),
        "cg_text_symbol": (c_char_p, [c_void_p, P(c_char_p)]),
        "cg_name_identity": (c_int, [c_char_p, c_char_p, c_size_t, c_char_p]),
        "cg_name_lang": (c_int, [c_char_p, c_char_p]),
        "cg_graph_new": (c_void_p, [c_void_p]),
        "cg_graph_free": (None, [c_void_p]),
        "cg_graph_analyse": (c_int, [c_void_p, P(_Diag)]),
        "cg_graph_vertex_count": (c_size_t, [c_void_p]),
        "cg_graph_edge_count": (c_size_t, [c_void_p]),
        "cg_graph_vertex": (P(_Vertex), [c_void_p, c_size_t]),
        "cg_graph_edge": (P(_Edge), [c_void_p, c_size_t]),
        "cg_corpus_run": (c_int, [c_void_p, P(c_char_p), c_size_t,
                                  P(_CorpusOptions), P(_CorpusStats),
                                  P(_Diag)]),
    }
    for name, (res, args) in sigs.items():
        f = getattr(lib, name)
        f.restype = res
        f.argtypes = args
    return lib


_lib = _load()
_catalogs = {}
_catalogs_lock = threading.Lock()


def version():
    """The library's version string."""
    return "0.1.0"


def _refs_dir(refs):
    if refs:
        return refs
    env = os.environ.get("CITEGRAPH_REFS")
    if env:
        return env
    beside = os.path.join(os.path.dirname(os.path.abspath(_find_library())),
                          "refs")
    if os.path.isdir(beside):
        return beside
    return _DEFAULT_REFS


def _cache_dir():
    """Where compiled catalogues are kept, as the command line has it:
    $CITEGRAPH_CACHE ("off": nowhere), else $XDG_CACHE_HOME/citegraph, else
    ~/.cache/citegraph; None for none."""
    env = os.environ.get("CITEGRAPH_CACHE")
    if env:
        return None if env == "off" else env
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg.startswith("/"):
        return os.path.join(xdg, "citegraph")
    home = os.environ.get("HOME", "")
    if home.startswith("/"):
        return os.path.join(home, ".cache", "citegraph")
    return None


def _catalog(refs):
    """The loaded catalogue of a refs/ folder, kept for the process (read
    through its compiled copy, see _cache_dir)."""
    d = _refs_dir(refs)
    with _catalogs_lock:
        if d not in _catalogs:
            cat = c_void_p()
            diag = _Diag()
            cache = _cache_dir()
            st = _lib.cg_catalog_load_cached(
                os.fsencode(d), os.fsencode(cache) if cache else None,
                ctypes.byref(cat), None, ctypes.byref(diag))
            if st:
                raise CitegraphError(_diag_text(st, diag))
            _catalogs[d] = cat
        return _catalogs[d]


def _diag_text(st, diag):
    where = diag.file.decode("utf-8", "replace")
    msg = diag.message.decode("utf-8", "replace") or \
        _lib.cg_strerror(st).decode()
    if where and diag.line:
        return "%s:%d:%d: %s" % (where, diag.line, diag.column, msg)
    return "%s: %s" % (where, msg) if where else msg


def _records(buf, n):
    text = ctypes.string_at(buf, n).decode("utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def _log_message(m):
    where = m.file.decode("utf-8", "replace")
    if m.line:
        where += ":%d:%d" % (m.line, m.column)
    text = m.text.decode("utf-8", "replace")
    (log.warning if m.severity == 1 else log.error)("%s: %s", where, text)


# ------------------------------------------------------------ extraction

def extract(text_or_path, lang=None, refs=None, name="(text)"):
    """The records of one document: a document record, then one record per
    citation, as dictionaries with the fields of `citegraph extract`.

    A str naming an existing file, or an os.PathLike, is read as that file
    (binary files raise CitegraphError); any other str, or bytes, is the
    text itself, named `name` in the records."""
    if isinstance(text_or_path, os.PathLike) or (
            isinstance(text_or_path, str) and os.path.isfile(text_or_path)):
        out = []
        errors = []
        for rec in _run([os.fspath(text_or_path)], lang=lang, refs=refs,
                        input="texts", errors=errors):
            out.append(rec)
        if errors:
            raise CitegraphError("; ".join(errors))
        return out
    data = text_or_path.encode("utf-8") if isinstance(text_or_path, str) \
        else bytes(text_or_path)
    cat = _catalog(refs)
    # Read as citegraph reads a file of that name: format, encoding, and
    # the identity its masthead or name gives.
    diag = _Diag()
    doc = c_void_p()
    st = _lib.cg_text_load(name.encode("utf-8"), data, len(data), None,
                           ctypes.byref(doc), ctypes.byref(diag))
    if st:
        raise CitegraphError(_diag_text(st, diag))
    ex = _lib.cg_extractor_new(cat)
    if not ex:
        _lib.cg_text_free(doc)
        raise MemoryError("citegraph: out of memory")
    try:
        tlen = c_size_t()
        tptr = _lib.cg_text_data(doc, ctypes.byref(tlen))
        source = c_char_p()
        self_ = _lib.cg_text_symbol(doc, ctypes.byref(source))
        sym = ctypes.create_string_buffer(128)
        lang_buf = ctypes.create_string_buffer(8)
        if not self_ and _lib.cg_name_identity(name.encode("utf-8"), sym, 128,
                                               lang_buf):
            self_, source = sym.value, c_char_p(b"file name")
        hint = ctypes.create_string_buffer(8)
        _lib.cg_name_lang(name.encode("utf-8"), hint)
        res = c_void_p()
        opts = _Options(lang=lang.encode() if lang else None,
                        self=self_ or None,
                        self_source=source.value if self_ else None,
                        source=doc, lang_hint=hint.value or None)
        st = _lib.cg_extract(ex, ctypes.cast(tptr, c_char_p), tlen.value,
                             ctypes.byref(opts), ctypes.byref(res),
                             ctypes.byref(diag))
        if st:
            raise CitegraphError(_diag_text(st, diag))
        n = c_size_t()
        buf = _lib.cg_records_string(_RECORDS_JSONL, name.encode("utf-8"),
                                     ctypes.cast(tptr, c_char_p), res,
                                     ctypes.byref(n))
        if not buf:
            raise MemoryError("citegraph: out of memory")
        try:
            return _records(buf, n.value)
        finally:
            _lib.cg_free(buf)
    finally:
        _lib.cg_extractor_free(ex)
        _lib.cg_text_free(doc)


def _paths_array(paths):
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    enc = [os.fsencode(p) for p in paths]
    return (c_char_p * max(len(enc), 1))(*enc), len(enc)


def _run(paths, lang=None, jobs=0, refs=None, input="texts", errors=None,
         on_message=None, backlog=256):
    """Runs the corpus in a thread; yields record dictionaries in order."""
    cat = _catalog(refs)
    arr, n = _paths_array(paths)
    q = queue.Queue(maxsize=backlog)
    cancel = c_int(0)
    done = object()

    def on_doc(ctx, d):
        d = d.contents
        if d.records_len:
            q.put(ctypes.string_at(d.records, d.records_len))
        return 0

    def on_msg(ctx, m):
        m = m.contents
        if on_message:
            on_message(m.file.decode("utf-8", "replace"),
                       m.text.decode("utf-8", "replace"))
        else:
            _log_message(m)
        if errors is not None and m.severity == 0:
            errors.append("%s: %s" % (m.file.decode("utf-8", "replace"),
                                      m.text.decode("utf-8", "replace")))

    cb_doc, cb_msg = _ON_DOCUMENT(on_doc), _ON_MESSAGE(on_msg)
    opts = _CorpusOptions(lang=lang.encode() if lang else None, jobs=jobs,
                          input=_INPUTS[input], records=_RECORDS_JSONL,
                          on_document=cb_doc, on_message=cb_msg,
                          cancel=ctypes.pointer(cancel))
    outcome = {}

    def work():
        stats, diag = _CorpusStats(), _Diag()
        try:
            outcome["status"] = _lib.cg_corpus_run(
                cat, arr, n, ctypes.byref(opts), ctypes.byref(stats),
                ctypes.byref(diag))
            outcome["diag"] = diag
        finally:
            q.put(done)

    t = threading.Thread(target=work, name="citegraph-corpus", daemon=True)
    t.start()
    try:
        while True:
            item = q.get()
            if item is done:
                break
            for line in item.decode("utf-8").splitlines():
                if line:
                    yield json.loads(line)
    finally:
        cancel.value = 1
        while t.is_alive():  # let the workers finish their files
            try:
                q.get(timeout=0.1)
            except queue.Empty:
                pass
        t.join()
    if outcome.get("status"):
        raise CitegraphError(_diag_text(outcome["status"], outcome["diag"]))


def corpus(paths, lang=None, jobs=0, refs=None, on_message=None):
    """Streams the records of files and folders (read recursively, in name
    order) as `citegraph extract` writes them, in input order, with `jobs`
    worker threads (0: one per core). Files that cannot be read are reported
    through on_message(file, text), or the "citegraph" logger, and skipped.
    Closing the generator early stops the run."""
    return _run(paths, lang=lang, jobs=jobs, refs=refs, input="texts",
                on_message=on_message)


# ------------------------------------------------------------ graph

def _s(p):
    return p.decode("utf-8") if p else ""


def graph(paths, lang=None, jobs=0, refs=None, input="auto", on_message=None):
    """The citation graph of texts, or of the JSON Lines records `citegraph
    extract` wrote (input: "texts", "records", or "auto" per file), as a
    networkx.DiGraph with the attributes of the GraphML export: the same as
    networkx.read_graphml of `citegraph graph PATHS -o g.graphml`."""
    import networkx as nx
    cat = _catalog(refs)
    g = _lib.cg_graph_new(cat)
    if not g:
        raise MemoryError("citegraph: out of memory")
    try:
        arr, n = _paths_array(paths)

        def on_msg(ctx, m):
            m = m.contents
            if on_message:
                on_message(_s(m.file), _s(m.text))
            else:
                _log_message(m)

        cb_msg = _ON_MESSAGE(on_msg)
        opts = _CorpusOptions(lang=lang.encode() if lang else None,
                              jobs=jobs, input=_INPUTS[input], graph=g,
                              on_message=cb_msg)
        stats, diag = _CorpusStats(), _Diag()
        st = _lib.cg_corpus_run(cat, arr, n, ctypes.byref(opts),
                                ctypes.byref(stats), ctypes.byref(diag))
        if not st:
            st = _lib.cg_graph_analyse(g, ctypes.byref(diag))
        if st:
            raise CitegraphError(_diag_text(st, diag))
        return _to_networkx(nx, g)
    finally:
        _lib.cg_graph_free(g)


_DB_LABELS = {"resolution": "Resolution", "decision": "Decision",
              "symbol": "Document", "treaty": "Instrument",
              "provision": "Provision", "document": "Document"}


def _finite(x):
    return x if x == x and x not in (float("inf"), float("-inf")) and x != 0 \
        else 0.0


def _to_networkx(nx, g):
    G = nx.DiGraph()
    nv = _lib.cg_graph_vertex_count(g)
    ids = []
    for i in range(nv):
        v = _lib.cg_graph_vertex(g, i).contents
        vid = _s(v.id)
        ids.append(vid)
        kind = _s(v.kind)
        a = {"labels": ":" + _DB_LABELS.get(kind, "Citable")}
        # Empty strings and a year of 0 are absent, as in the GraphML.
        for key, val in (("label", _s(v.label)), ("kind", kind),
                         ("body", _s(v.body)), ("date", _s(v.date))):
            if val:
                a[key] = val
        if v.year:
            a["year"] = v.year
        for key, val in (("title", _s(v.title)), ("url", _s(v.url))):
            if val:
                a[key] = val
        a.update(in_corpus=bool(v.in_corpus), citations=v.citations,
                 mentions=v.mentions, pagerank=_finite(v.pagerank),
                 authority=_finite(v.authority), hub=_finite(v.hub),
                 betweenness=_finite(v.betweenness), component=v.component,
                 community=v.community)
        G.add_node(vid, **a)
    for i in range(_lib.cg_graph_edge_count(g)):
        e = _lib.cg_graph_edge(g, i).contents
        t = _s(e.type)
        a = {"label": t.upper(), "type": t,
             "weight": e.weight, "preamble": e.preamble,
             "operative": e.operative, "footnote": e.footnote,
             "text": e.text}
        if e.paragraphs:
            a["paragraphs"] = _s(e.paragraphs)
        a["id"] = "e%d" % i
        G.add_edge(ids[e.from_], ids[e.to], **a)
    return G
