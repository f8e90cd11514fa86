// Exemptions and restrictions of each actor and policy: what it restricted, whom it exempted, what it announced.
// @param name null  only this actor (name or alias); null for every actor that restricted or exempted something
// Example: kg query cypher/restrictions_and_exemptions.cypher --param name=Amazon
MATCH (a:Actor)-[r:RESTRICTED|EXEMPTED]->(t:Actor)
WHERE $name IS NULL OR toLower(a.name) = toLower($name)
   OR any(x IN a.aliases WHERE toLower(x) = toLower($name))
WITH a, collect(DISTINCT CASE WHEN type(r) = 'RESTRICTED' THEN t.name END) AS restricted,
        collect(DISTINCT CASE WHEN type(r) = 'EXEMPTED' THEN t.name END) AS exempted
OPTIONAL MATCH (a)-[:ANNOUNCED]->(p:Actor)
RETURN a.name AS actor, a.type AS type, restricted, exempted, collect(DISTINCT p.name) AS announced
ORDER BY actor
