// What each actor called for: every CALLED_FOR edge, the caller, what or whom it called on.
// @param name null  only this caller (name or alias); null for every actor
// Example: kg query cypher/what_each_actor_called_for.cypher --param name="American Civil Liberties Union"
MATCH (a:Actor)-[r:CALLED_FOR]->(t:Actor)
WHERE $name IS NULL OR toLower(a.name) = toLower($name)
   OR any(x IN a.aliases WHERE toLower(x) = toLower($name))
RETURN a.name AS caller, a.type AS caller_type, t.name AS called_for, t.type AS called_for_type,
       r.count AS times, r.sentences[0] AS example
ORDER BY caller, times DESC, called_for
