// Who was exempted from what: each exemption with the restrictions and policies of the actor that granted it.
// @param name null  only exemptions granted by this actor (name or alias); null for all
// Example: kg query cypher/exemptions.cypher --param name=Amazon
MATCH (g:Actor)-[e:EXEMPTED]->(x:Actor)
WHERE $name IS NULL OR toLower(g.name) = toLower($name)
   OR any(a IN g.aliases WHERE toLower(a) = toLower($name))
OPTIONAL MATCH (g)-[:RESTRICTED]->(r:Actor)
WITH g, e, x, collect(DISTINCT r.name) AS restricted
OPTIONAL MATCH (g)-[:ANNOUNCED]->(p:Actor)
RETURN g.name AS granted_by, x.name AS exempted, x.type AS exempted_type, restricted,
       collect(DISTINCT p.name) AS policies, e.sentences[0] AS example
ORDER BY granted_by, exempted
