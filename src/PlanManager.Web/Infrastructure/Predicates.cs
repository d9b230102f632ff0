using System.Linq.Expressions;

namespace PlanManager.Web.Infrastructure;

/// <summary>
/// Joins conditions with OR into one expression, leaving out those that do not apply, so the
/// SQL holds only terms an index can serve (a "@p IS NULL OR ..." term would defeat it).
/// </summary>
public static class Predicates
{
    public static Expression<Func<T, bool>> AnyOf<T>(IReadOnlyList<Expression<Func<T, bool>>> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
        {
            return _ => false;
        }

        var parameter = terms[0].Parameters[0];
        var body = terms[0].Body;
        foreach (var term in terms.Skip(1))
        {
            body = Expression.OrElse(body, new ReplaceParameter(term.Parameters[0], parameter).Visit(term.Body));
        }

        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
