// Actors mentioned in the same documents as an actor, by the number of documents shared.
// @param name Amazon  the actor (name or alias)
// @param limit 25  how many co-mentioned actors
// Example: kg query cypher/co_mentioned.cypher --param name=IBM
MATCH (a:Actor)
WHERE toLower(a.name) = toLower($name) OR any(x IN a.aliases WHERE toLower(x) = toLower($name))
MATCH (a)-[:MENTIONED_IN]->(d:Document)<-[:MENTIONED_IN]-(o:Actor)
WHERE o <> a
RETURN o.name AS actor, o.type AS type, count(DISTINCT d) AS shared_documents
ORDER BY shared_documents DESC, actor
LIMIT $limit
