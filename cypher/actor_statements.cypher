// Everything an actor said, with the document and its date, oldest first.
// @param name Amazon  the speaker's name or one of its aliases
// @param limit 100  at most this many statements
// Example: kg query cypher/actor_statements.cypher --param name="Nicole Ozer"
MATCH (a:Actor)
WHERE toLower(a.name) = toLower($name) OR any(x IN a.aliases WHERE toLower(x) = toLower($name))
MATCH (a)-[:SAID]->(s:Statement)-[:IN]->(d:Document)
RETURN a.name AS speaker, s.kind AS kind, s.text AS text, d.published AS date,
       coalesce(d.title, d.path) AS document
ORDER BY date, document, text
LIMIT $limit
