// Every relationship of an actor, both directions, with its evidence count.
// @param name Amazon  the actor (name or alias)
// Example: kg query cypher/actor_relations.cypher --param name=Microsoft
MATCH (a:Actor)
WHERE toLower(a.name) = toLower($name) OR any(x IN a.aliases WHERE toLower(x) = toLower($name))
MATCH (a)-[r]-(o:Actor)
RETURN CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END AS direction, type(r) AS relation,
       o.name AS actor, o.type AS type, r.count AS times
ORDER BY relation, direction, times DESC, actor
