// Statements about an actor: who said what about it, where and when.
// @param name Amazon  the actor the statements are about (name or alias)
// @param limit 100  at most this many statements
// Example: kg query cypher/statements_about.cypher --param name="U.S. Congress"
MATCH (a:Actor)
WHERE toLower(a.name) = toLower($name) OR any(x IN a.aliases WHERE toLower(x) = toLower($name))
MATCH (sp:Actor)-[:SAID]->(s:Statement)-[:ABOUT]->(a)
OPTIONAL MATCH (s)-[:IN]->(d:Document)
RETURN sp.name AS speaker, s.kind AS kind, s.text AS text, d.published AS date,
       coalesce(d.title, d.path) AS document
ORDER BY date, speaker, text
LIMIT $limit
