// Who criticised an actor: each critic with how often and in how many documents.
// @param name Amazon  the criticised actor's name or one of its aliases (any case)
// Example: kg query cypher/who_criticized.cypher --param name=Amazon
MATCH (t:Actor)
WHERE toLower(t.name) = toLower($name) OR any(x IN t.aliases WHERE toLower(x) = toLower($name))
MATCH (c:Actor)-[r:CRITICIZED]->(t)
WITH c, t, r, reduce(docs = [], e IN r.evidence |
       CASE WHEN split(e, ':')[0] IN docs THEN docs ELSE docs + [split(e, ':')[0]] END) AS docs
RETURN c.name AS critic, c.type AS type, t.name AS target, r.count AS times,
       size(docs) AS documents, size(r.evidence) AS sentences, r.sentences[0] AS example
ORDER BY times DESC, critic
