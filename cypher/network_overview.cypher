// How many relationships of each type the graph holds, and between how many actors.
// (no parameters)
// Example: kg query cypher/network_overview.cypher --format table
MATCH (s:Actor)-[r]->(t:Actor)
RETURN type(r) AS relation, count(r) AS edges, sum(r.count) AS mentions,
       count(DISTINCT s) AS sources, count(DISTINCT t) AS targets
ORDER BY edges DESC, relation
