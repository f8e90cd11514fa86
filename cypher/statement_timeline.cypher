// A timeline of statements: who said what, by document date (undated documents last).
// @param since null  only statements from documents published on or after this ISO date
// @param until null  only statements from documents published on or before this ISO date
// @param limit 200  at most this many statements
// Example: kg query cypher/statement_timeline.cypher --param since=2020-06-01 --param until=2020-06-30
MATCH (sp:Actor)-[:SAID]->(s:Statement)-[:IN]->(d:Document)
WHERE ($since IS NULL OR d.published >= $since) AND ($until IS NULL OR d.published <= $until)
RETURN coalesce(d.published, '') AS date, sp.name AS speaker, s.kind AS kind, s.text AS text,
       coalesce(d.title, d.path) AS document
ORDER BY CASE WHEN d.published IS NULL THEN 1 ELSE 0 END, date, document, speaker
LIMIT $limit
