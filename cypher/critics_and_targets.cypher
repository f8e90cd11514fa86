// An actor's critics and its targets: who criticised it, and whom it criticised.
// @param name Amazon  the actor's name or one of its aliases
// Example: kg query cypher/critics_and_targets.cypher --param name="American Civil Liberties Union"
MATCH (a:Actor)
WHERE toLower(a.name) = toLower($name) OR any(x IN a.aliases WHERE toLower(x) = toLower($name))
MATCH (a)-[r:CRITICIZED]-(o:Actor)
RETURN CASE WHEN startNode(r) = a THEN 'target' ELSE 'critic' END AS role,
       o.name AS actor, o.type AS type, r.count AS times, r.sentences[0] AS example
ORDER BY role, times DESC, actor
