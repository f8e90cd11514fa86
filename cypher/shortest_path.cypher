// The shortest chain of relationships between two actors (any direction, at most 4 hops).
// @param from "American Civil Liberties Union"  the first actor (name or alias)
// @param to Thorn  the second actor (name or alias)
// Example: kg query cypher/shortest_path.cypher --param from=ACLU --param to=Thorn
// Only the closed vocabulary of actor relationships counts (not MENTIONED_IN or statements).
// FalkorDB's shortestPath() is directed-only, so the query enumerates bounded paths and
// keeps the shortest, which runs the same on both stores.
MATCH (a:Actor)
WHERE toLower(a.name) = toLower($from) OR any(x IN a.aliases WHERE toLower(x) = toLower($from))
MATCH (b:Actor)
WHERE toLower(b.name) = toLower($to) OR any(x IN b.aliases WHERE toLower(x) = toLower($to))
MATCH p = (a)-[:CRITICIZED|CALLED_FOR|EXEMPTED|RESTRICTED|ANNOUNCED|SUPPORTED|SUPPLIED|USED|INTRODUCED|DEVELOPED|AFFILIATED_WITH|INVOLVED_IN*1..4]-(b)
RETURN [n IN nodes(p) | n.name] AS actors, [r IN relationships(p) | type(r)] AS relations,
       length(p) AS hops
ORDER BY hops
LIMIT 1
