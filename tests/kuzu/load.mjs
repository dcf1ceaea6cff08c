// load.mjs — loads citegraph's CSV export (neo4j-admin headers) into the
// embedded graph database Kuzu and ranks the cited vertices with Cypher.
//
//   node tests/kuzu/load.mjs CSVDIR [N]
//
// CSVDIR holds nodes.csv and relationships.csv written by
// `citegraph graph ... --format csv -o CSVDIR`. The tables are created from
// the CSV headers (`name:int` -> INT64, `:double` -> DOUBLE, `:boolean` ->
// BOOLEAN, untyped -> STRING, `id:ID` the primary key, `:LABEL` and `:TYPE`
// ordinary STRING columns), both files are copied with HEADER=true, and the
// script prints on standard output:
//
//   nodes<TAB>COUNT
//   relationships<TAB>COUNT
//   disagree<TAB>COUNT[<TAB>first few]
//   then up to N lines (default 10): id<TAB>citations<TAB>mentions
//
// where citations is the number of distinct vertices citing the vertex, a
// provision PART_OF it, or a resolution it is ADOPTED_BY (one hop: a
// citation of a resolution's paragraph counts for the resolution, not for
// what it adopted), mentions the sum of the weights of those CITES edges,
// ordered as `citegraph top --kind all` orders them (citations, mentions,
// PageRank descending, then id). As in `citegraph top`, a resolution is not
// a row of its own when an instrument ADOPTED_BY it is one (cited at least
// once): that row counts the resolution's citers. "disagree" counts the
// vertices whose exported citations or mentions columns differ from what
// the query computes. Any failure exits with status 1.
//
// Kuzu 0.11.3 returns NULL for an aggregate written after count(DISTINCT …)
// in the same projection, so sum() comes first in the ranking query; and
// collect() of no value is NULL, not [], hence the coalesce().
import fs from "node:fs";
import path from "node:path";
import kuzu from "kuzu";

const [csvDir, nArg] = process.argv.slice(2);
if (!csvDir) {
  console.error("usage: node load.mjs CSVDIR [N]");
  process.exit(2);
}
const topN = Number(nArg || 10);
const nodesCsv = path.resolve(csvDir, "nodes.csv");
const relsCsv = path.resolve(csvDir, "relationships.csv");

const kuzuType = { int: "INT64", long: "INT64", double: "DOUBLE", float: "DOUBLE",
                   boolean: "BOOLEAN", string: "STRING" };

// neo4j-admin header -> Kuzu columns, in file order (Kuzu's COPY matches
// columns by position).
function columnsOf(file, rel) {
  const header = fs.readFileSync(file, "utf8").split("\n", 1)[0];
  const cols = [];
  for (const field of header.split(",")) {
    const colon = field.lastIndexOf(":");
    const name = colon < 0 ? field : field.slice(0, colon);
    const type = colon < 0 ? "" : field.slice(colon + 1);
    if (type === "ID") cols.push({ name: name || "id", type: "STRING", pk: true });
    else if (type === "START_ID" || type === "END_ID") {
      if (!rel) throw new Error(`${file}: ${field} in a node file`);
      cols.push({ name: type, type: "ENDPOINT" });
    } else if (type === "LABEL") cols.push({ name: "neo4j_label", type: "STRING" });
    else if (type === "TYPE") cols.push({ name: "rel_type", type: "STRING" });
    else if (type === "") cols.push({ name, type: "STRING" });
    else if (kuzuType[type]) cols.push({ name, type: kuzuType[type] });
    else throw new Error(`${file}: unknown column type in header field '${field}'`);
  }
  return cols;
}

const nodeCols = columnsOf(nodesCsv, false);
const relCols = columnsOf(relsCsv, true);
const pk = nodeCols.filter((c) => c.pk);
if (pk.length !== 1) throw new Error(`nodes.csv: want one :ID column, got ${pk.length}`);
if (relCols[0].name !== "START_ID" || relCols[1].name !== "END_ID")
  throw new Error("relationships.csv: :START_ID and :END_ID must be the first two columns");
if (!relCols.some((c) => c.name === "rel_type"))
  throw new Error("relationships.csv: no :TYPE column");
for (const c of ["kind", "pagerank"])
  if (!nodeCols.some((x) => x.name === c)) throw new Error(`nodes.csv: no ${c} column`);
if (!relCols.some((x) => x.name === "weight")) throw new Error("relationships.csv: no weight column");

const q = (s) => "`" + s + "`";
const lit = (s) => "'" + s.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
const ddl = [
  `CREATE NODE TABLE Citable(${nodeCols.map((c) => `${q(c.name)} ${c.type}`).join(", ")}, ` +
    `PRIMARY KEY (${q(pk[0].name)}))`,
  `CREATE REL TABLE Link(FROM Citable TO Citable` +
    relCols.slice(2).map((c) => `, ${q(c.name)} ${c.type}`).join("") + `)`,
  `COPY Citable FROM ${lit(nodesCsv)} (HEADER=true)`,
  `COPY Link FROM ${lit(relsCsv)} (HEADER=true)`,
];

// Citers of a vertex, of a provision PART_OF it, or of a resolution it is
// ADOPTED_BY, each counted once; the mentions of the same CITES edges;
// citegraph top's order. Each CITES edge counts for its target, the
// target's instrument and every instrument the target adopted.
const none = "CAST([] AS STRING[])";
const ranking = `
MATCH (d:Citable)-[c:Link]->(t:Citable)
WHERE c.rel_type = 'CITES'
OPTIONAL MATCH (t)-[p:Link]->(i:Citable)
WHERE p.rel_type = 'PART_OF'
OPTIONAL MATCH (a:Citable)-[r:Link]->(t)
WHERE r.rel_type = 'ADOPTED_BY'
WITH d.id AS citer, c.weight AS w, t.id AS target,
     collect(DISTINCT i.id) AS instruments, collect(DISTINCT a.id) AS adopted
WITH citer, w,
     list_concat(list_concat([target], coalesce(instruments, ${none})),
                 coalesce(adopted, ${none})) AS ids
UNWIND ids AS x
WITH x, sum(w) AS mentions, count(DISTINCT citer) AS citations
MATCH (v:Citable)
WHERE v.id = x
RETURN v.id AS id, citations, mentions
ORDER BY citations DESC, mentions DESC, v.pagerank DESC, id`;
const adoptions = `
MATCH (a:Citable)-[r:Link]->(b:Citable)
WHERE r.rel_type = 'ADOPTED_BY'
RETURN a.id AS instrument, b.id AS resolution`;

async function all(conn, statement) {
  const res = await conn.query(statement);
  const rows = await (Array.isArray(res) ? res[res.length - 1] : res).getAll();
  return rows;
}

const db = new kuzu.Database(":memory:", 1 << 28);
const conn = new kuzu.Connection(db);
let status = 0;
try {
  for (const s of ddl) await all(conn, s);
  const [nn] = await all(conn, "MATCH (n:Citable) RETURN count(n) AS n");
  const [nr] = await all(conn, "MATCH ()-[r:Link]->() RETURN count(r) AS n");
  const out = [`nodes\t${nn.n}`, `relationships\t${nr.n}`];
  const ranked = await all(conn, ranking);
  const computed = new Map(ranked.map((r) => [r.id, [Number(r.citations), Number(r.mentions)]]));
  const disagree = [];
  for (const v of await all(conn, "MATCH (v:Citable) RETURN v.id AS id, v.citations AS c, v.mentions AS m")) {
    const [c, m] = computed.get(v.id) || [0, 0];
    if (Number(v.c) !== c || Number(v.m) !== m)
      disagree.push(`${v.id}: exported ${v.c}/${v.m}, Cypher ${c}/${m}`);
  }
  out.push(["disagree", disagree.length, ...disagree.slice(0, 5)].join("\t"));
  // A resolution whose adopted instrument is a row is merged into it.
  const merged = new Set();
  for (const a of await all(conn, adoptions))
    if ((computed.get(a.instrument) || [0])[0] > 0) merged.add(a.resolution);
  const rows = ranked.filter((r) => !merged.has(r.id));
  for (const r of rows.slice(0, topN)) out.push(`${r.id}\t${r.citations}\t${r.mentions}`);
  process.stdout.write(out.join("\n") + "\n");
} catch (err) {
  console.error(`kuzu: ${err.message || err}`);
  status = 1;
} finally {
  await conn.close();
  await db.close();
}
process.exit(status);
