using System.Linq.Expressions;

namespace PlanManager.Web.Features.Dashboard;

/// <summary>
/// Turns a point in time into the number of the bucket it falls in, as an expression the database
/// runs (a CASE over constants), so a figure can count per bucket in one GROUP BY instead of one
/// query per bar or reading every row (decision 0015).
/// </summary>
public static class Buckets
{
    /// <summary>
    /// How many of <paramref name="bounds"/> (ascending) are at or before the value: 0 before the first,
    /// bounds.Count from the last on. A null value counts as 0.
    /// </summary>
    public static Expression<Func<T, int>> Index<T>(Expression<Func<T, DateTimeOffset?>> at, IReadOnlyList<DateTimeOffset> bounds)
    {
        ArgumentNullException.ThrowIfNull(at);
        ArgumentNullException.ThrowIfNull(bounds);
        Expression body = Expression.Constant(bounds.Count);
        for (var i = bounds.Count - 1; i >= 0; i--)
        {
            var before = Expression.LessThan(at.Body, Expression.Constant(bounds[i], typeof(DateTimeOffset?)));
            body = Expression.Condition(before, Expression.Constant(i), body);
        }

        var isNull = Expression.Equal(at.Body, Expression.Constant(null, typeof(DateTimeOffset?)));
        return Expression.Lambda<Func<T, int>>(Expression.Condition(isNull, Expression.Constant(0), body), at.Parameters);
    }

    /// <summary>
    /// Two figures in one group key: <c>bucket * size + part</c> (a source, a flag). A single int key is
    /// what every provider groups by without fuss.
    /// </summary>
    public static Expression<Func<T, int>> Combine<T>(Expression<Func<T, int>> bucket, Expression<Func<T, int>> part, int size)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(part);
        var partBody = new Rebind(part.Parameters[0], bucket.Parameters[0]).Visit(part.Body);
        var body = Expression.Add(Expression.Multiply(bucket.Body, Expression.Constant(size)), partBody);
        return Expression.Lambda<Func<T, int>>(body, bucket.Parameters);
    }

    /// <summary>A condition as 1 or 0.</summary>
    public static Expression<Func<T, int>> Flag<T>(Expression<Func<T, bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Expression.Lambda<Func<T, int>>(
            Expression.Condition(condition.Body, Expression.Constant(1), Expression.Constant(0)), condition.Parameters);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
