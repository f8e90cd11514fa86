// Who called for what and from whom: each demand with its addressee, and the words the caller used about it.
// @param min_count 1  only demands seen at least this many times
// Example: kg query cypher/calls_from_whom.cypher --param min_count=2
MATCH (a:Actor)-[r:CALLED_FOR]->(t:Actor)
WHERE r.count >= $min_count
OPTIONAL MATCH (a)-[:SAID]->(s:Statement)-[:ABOUT]->(t)
RETURN a.name AS caller, t.name AS addressee_or_demand, t.type AS type, r.count AS times,
       collect(DISTINCT s.text)[0..3] AS words
ORDER BY times DESC, caller, addressee_or_demand
