// The sentences behind the relationships between two actors, with the documents they came from.
// @param from Amazon  one actor (name or alias)
// @param to "Police departments"  the other actor (name or alias)
// Example: kg query cypher/relation_evidence.cypher --param from=Amazon --param to=Thorn
MATCH (a:Actor)
WHERE toLower(a.name) = toLower($from) OR any(x IN a.aliases WHERE toLower(x) = toLower($from))
MATCH (b:Actor)
WHERE toLower(b.name) = toLower($to) OR any(x IN b.aliases WHERE toLower(x) = toLower($to))
MATCH (a)-[r]-(b)
WITH r, startNode(r) AS s, endNode(r) AS t, [e IN r.evidence | split(e, ':')[0]] AS doc_ids
OPTIONAL MATCH (d:Document) WHERE d.id IN doc_ids
RETURN s.name AS source, type(r) AS relation, t.name AS target, r.count AS times,
       r.sentences AS sentences, collect(DISTINCT coalesce(d.title, d.path)) AS documents
ORDER BY relation, source
