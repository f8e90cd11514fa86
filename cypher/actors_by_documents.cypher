// Actors by the number of documents that mention them (then by mentions).
// @param type null  only actors of this type (Company, NGO, GovernmentBody, Person, ...); null for all
// @param limit 25  how many actors
// Example: kg query cypher/actors_by_documents.cypher --param type=NGO --param limit=10
MATCH (a:Actor)-[:MENTIONED_IN]->(d:Document)
WHERE $type IS NULL OR a.type = $type
RETURN a.name AS actor, a.type AS type, count(DISTINCT d) AS documents, a.mentions AS mentions
ORDER BY documents DESC, mentions DESC, actor
LIMIT $limit
