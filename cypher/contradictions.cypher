// Contradictions: actors that both SUPPORTED and CRITICIZED the same target.
// (no parameters)
// Example: kg query cypher/contradictions.cypher
MATCH (a:Actor)-[s:SUPPORTED]->(t:Actor)
MATCH (a)-[c:CRITICIZED]->(t)
RETURN a.name AS actor, t.name AS target, s.count AS supported, c.count AS criticized,
       s.sentences[0] AS support_example, c.sentences[0] AS criticism_example
ORDER BY actor, target
